#!/usr/bin/env python3
"""Generates three fresh unseen schemas for the search evaluation (fooddelivery, payroll, inventory) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00; every event that happened (onboarded, churned,
placed, delivered, hired, terminated, processed, paid, voided, created, counted, moved, posted) ends
before it; no date reaches past it): rerun it only on purpose, then re-check the golds
(Unseen7SchemasEvalTest.every_gold_runs_and_returns_rows).
  fooddelivery/  restaurants (120), delivery_orders (2,800)
  payroll/       employees (180), paychecks (2,522: one per employee on the payroll and biweekly pay date)
  inventory/     stock_items (240), inventory_moves (3,000)
"""
import csv, os, random, datetime as dt

AS_OF = dt.datetime(2026, 11, 20)
HERE = os.path.dirname(os.path.abspath(__file__))


def ts(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def day(d):
    return d.strftime("%Y-%m-%d")


def write(folder, name, rows):
    path = os.path.join(HERE, folder, "data")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name + ".csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})


FIRST = ["Adaeze", "Benedikt", "Carmen", "Dario", "Esme", "Farid", "Greta", "Hiroshi", "Imogen", "Joaquin",
         "Kavya", "Leon", "Maja", "Nils", "Olamide", "Priya", "Quentin", "Renata", "Sven", "Tamsin",
         "Umar", "Valentina", "Wiktor", "Ximena", "Yusuf", "Zofia"]
LAST = ["Achebe", "Brandt", "Castillo", "Delacroix", "Engel", "Fitzgerald", "Goldberg", "Haddad", "Ishikawa",
        "Jovanovic", "Kaur", "Larsen", "Mbeki", "Nakamura", "O'Brien", "Pereira", "Quinn", "Rossi",
        "Schneider", "Thorsen", "Urquhart", "Vasquez", "Whitfield", "Yilmaz"]


def fooddelivery():
    rnd = random.Random(107)
    cuisines = ["Italian", "Mexican", "Thai", "Indian", "Japanese", "American", "Mediterranean", "Korean"]
    hoods = ["Downtown", "Riverside", "Old Town", "Northgate", "Eastside", "Harbor Point"]
    words = {
        "Italian": ["Trattoria", "Nonna's", "Pasta", "Forno", "Osteria"],
        "Mexican": ["Taqueria", "Cantina", "El Comal", "Burrito", "La Milpa"],
        "Thai": ["Bangkok", "Siam", "Lemongrass", "Thai Basil", "Khao"],
        "Indian": ["Masala", "Tandoor", "Bombay", "Curry", "Saffron"],
        "Japanese": ["Sushi", "Ramen", "Izakaya", "Yuzu", "Kaiju"],
        "American": ["Burger", "Smokehouse", "Diner", "Grill", "Wings"],
        "Mediterranean": ["Falafel", "Olive", "Pita", "Mezze", "Aegean"],
        "Korean": ["Seoul", "Bibim", "Kimchi", "Gogi", "Hanok"],
    }
    tails = ["House", "Kitchen", "Bar", "Express", "Co.", "Corner", "Spot", "Garden", "Palace", "Lab",
             "Street", "Republic", "Brothers", "Club", "Social"]
    rests = []
    used = set()
    for i in range(1, 121):
        cz = rnd.choices(cuisines, [18, 16, 11, 13, 12, 20, 10, 8])[0]
        while True:
            name = f"{rnd.choice(words[cz])} {rnd.choice(tails)}"
            if name not in used:
                used.add(name)
                break
        onboard = AS_OF - dt.timedelta(days=rnd.randint(20, 1400))
        churn = None
        if (AS_OF - onboard).days > 120 and rnd.random() < 0.15:
            churn = onboard + dt.timedelta(days=rnd.randint(60, (AS_OF - onboard).days - 30))
        rests.append({
            "rest_id": 300 + i,
            "rest_name": name,
            "cuisine": cz,
            "neighborhood": rnd.choices(hoods, [26, 16, 18, 14, 16, 10])[0],
            "price_tier": rnd.choices([1, 2, 3, 4], [25, 42, 23, 10])[0],
            "avg_prep_min": round(rnd.uniform(8, 38), 1),
            "rating": round(min(5.0, max(2.4, rnd.gauss(4.2, 0.45))), 2),
            "commission_pct": rnd.choice([12.5, 15.0, 18.0, 20.0, 22.5, 25.0, 30.0]),
            "onboarded_dt": day(onboard),
            "churned_on": None if churn is None else day(churn),
            "is_partner_plus": "true" if rnd.random() < 0.3 else "false",
            "owner_email": None if rnd.random() < 0.18 else f"owner{i}@{name.split()[0].lower().replace(chr(39), '')}eats.example",
        })
    write("fooddelivery", "restaurants", rests)

    couriers = ["Marco Bellini", "Aylin Demir", "Jorge Salas", "Petra Novak", "Kwame Asante", "Lily Zhang",
                "Ravi Menon", "Sara Lindgren", "Tobias Kern", "Nadia Farouk", "Owen Price", "Hana Sato"]
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    instructions = ["leave at the door", "ring the bell twice", "extra napkins please", "no onions",
                    "call when outside", "gate code 4412", "nut allergy, please be careful", "please no cutlery",
                    "leave with the concierge", "spicy level extra hot", "knock quietly, baby sleeping",
                    "dressing on the side"]
    promos = ["WELCOME10", "FREEDEL", "LUNCH5", "FALL15", "VIP20"]
    orders = []
    for i in range(1, 2801):
        r = rnd.choice(rests)
        start = dt.datetime.strptime(r["onboarded_dt"], "%Y-%m-%d")
        start = max(start, AS_OF - dt.timedelta(days=700))
        end = dt.datetime.strptime(r["churned_on"], "%Y-%m-%d") if r["churned_on"] else AS_OF
        if end <= start + dt.timedelta(days=1):
            end = start + dt.timedelta(days=2)
        frac = rnd.random() ** 0.7
        placed = end - dt.timedelta(days=(end - start).days * frac)
        placed = placed.replace(hour=rnd.choices([11, 12, 13, 17, 18, 19, 20, 21, 22], [8, 14, 9, 8, 15, 18, 14, 8, 6])[0],
                                minute=rnd.randint(0, 59), second=rnd.randint(0, 59))
        if placed >= AS_OF:
            placed = AS_OF - dt.timedelta(hours=rnd.randint(2, 20), minutes=rnd.randint(0, 59))
        items = rnd.choices([1, 2, 3, 4, 5, 6, 8], [18, 30, 22, 14, 8, 5, 3])[0]
        subtotal = round(items * rnd.uniform(7, 16) * (0.8 + 0.2 * r["price_tier"]), 2)
        dist = round(rnd.uniform(0.3, 7.5), 1)
        fee = 0.0 if rnd.random() < 0.12 else round(1.99 + 0.5 * dist, 2)
        age_h = (AS_OF - placed).total_seconds() / 3600
        if age_h < 1.5:
            status = rnd.choice(["preparing", "out_for_delivery"])
        else:
            status = rnd.choices(["delivered", "cancelled", "refunded", "failed_delivery"], [84, 8, 5, 3])[0]
        tip = 0.0 if status in ("cancelled",) or rnd.random() < 0.2 else round(subtotal * rnd.choice([0.05, 0.1, 0.15, 0.2, 0.25]), 2)
        delivered = None
        mins = None
        if status in ("delivered", "refunded"):
            mins = int(r["avg_prep_min"] + dist * rnd.uniform(3, 6) + rnd.randint(0, 15))
            delivered = placed + dt.timedelta(minutes=mins)
            if delivered >= AS_OF:
                delivered = AS_OF - dt.timedelta(minutes=1)
                mins = int((delivered - placed).total_seconds() // 60)
        promo = rnd.choice(promos) if rnd.random() < 0.16 else None
        orders.append({
            "order_ref": f"FD-{200000 + i * 7 + rnd.randint(0, 6)}",
            "rest_id": r["rest_id"],
            "rest_name": r["rest_name"],
            "cuisine": r["cuisine"],
            "customer_name": rnd.choice(names),
            "cust_email": None if rnd.random() < 0.1 else f"c{rnd.randint(1000, 99999)}@{rnd.choice(['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me'])}",
            "order_status": status,
            "channel": rnd.choices(["iOS App", "Android App", "Web", "Partner Kiosk"], [45, 33, 18, 4])[0],
            "pay_type": rnd.choices(["credit_card", "apple_pay", "google_pay", "paypal", "cash", "gift_card"], [44, 18, 12, 10, 9, 7])[0],
            "placed_ts": ts(placed),
            "delivered_ts": None if delivered is None else ts(delivered),
            "item_cnt": items,
            "subtotal_amt": f"{subtotal:.2f}",
            "delivery_fee": f"{fee:.2f}",
            "tip_amt": f"{tip:.2f}",
            "order_total_usd": f"{subtotal + fee + tip:.2f}",
            "distance_mi": dist,
            "delivery_mins": mins,
            "courier_name": None if status in ("cancelled", "preparing") else rnd.choice(couriers),
            "promo_cd": promo,
            "is_scheduled": "true" if rnd.random() < 0.09 else "false",
            "is_group_order": "true" if items >= 5 and rnd.random() < 0.5 else "false",
            "cust_rating": rnd.choices([1, 2, 3, 4, 5], [4, 5, 12, 30, 49])[0] if status == "delivered" and rnd.random() < 0.55 else None,
            "special_instructions": rnd.choice(instructions) if rnd.random() < 0.3 else None,
        })
    write("fooddelivery", "delivery_orders", orders)


def payroll():
    rnd = random.Random(211)
    depts = {"Engineering": 125000, "Sales": 82000, "Finance": 90000, "Operations": 64000,
             "Customer Success": 70000, "Legal": 130000, "People": 78000}
    offices = ["Austin", "Denver", "Chicago", "Seattle", "Remote"]
    levels = ["associate", "senior", "staff", "manager", "director"]
    managers = ["Gwen Holloway", "Ibrahim Saleh", "Rebecca Tanaka", "Marcus Oyelaran", "Ines Carvalho",
                "Devon Park", "Helga Strom"]
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    rnd.shuffle(names)
    emps = []
    for i in range(1, 181):
        dept = rnd.choices(list(depts), [30, 18, 10, 16, 14, 4, 8])[0]
        etype = rnd.choices(["full_time", "part_time", "hourly", "intern"], [72, 8, 14, 6])[0]
        level = rnd.choices(levels, [38, 30, 12, 14, 6])[0] if etype == "full_time" else "associate"
        mult = {"associate": 0.8, "senior": 1.0, "staff": 1.25, "manager": 1.3, "director": 1.7}[level]
        hire = AS_OF - dt.timedelta(days=rnd.randint(30, 3600))
        term = None
        if rnd.random() < 0.14:
            term = AS_OF - dt.timedelta(days=rnd.randint(5, min(330, (AS_OF - hire).days - 1)))
        hourly = None
        salary = None
        if etype in ("hourly", "intern", "part_time"):
            hourly = round(rnd.uniform(18, 42) if etype != "intern" else rnd.uniform(20, 30), 2)
        else:
            salary = int(round(depts[dept] * mult * rnd.uniform(0.85, 1.2), -3))
        name = names[i]
        first, last = name.split(" ", 1)
        emps.append({
            "emp_id": 1000 + i,
            "full_name": name,
            "dept": dept,
            "job_level": level,
            "emp_type": etype,
            "office": rnd.choices(offices, [30, 16, 18, 14, 22])[0],
            "annual_salary": salary,
            "hourly_rate_usd": hourly,
            "hire_dt": day(hire),
            "term_dt": None if term is None else day(term),
            "is_exempt": "true" if salary is not None and level != "associate" or (salary is not None and rnd.random() < 0.5) else "false",
            "has_401k": "true" if rnd.random() < 0.68 else "false",
            "work_email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@halcyonworks.example",
            "personal_email": None if rnd.random() < 0.35 else f"{first.lower()}{rnd.randint(1, 99)}@{rnd.choice(['gmail.com', 'icloud.com', 'fastmail.com'])}",
            "mgr_name": None if level == "director" else rnd.choice(managers),
            "pto_bal_hrs": round(rnd.uniform(0, 160), 1),
        })
    write("payroll", "employees", emps)

    # biweekly Friday pay dates, the last one 2026-11-13
    pay_dates = [dt.datetime(2026, 11, 13) - dt.timedelta(days=14 * k) for k in range(0, 16)][::-1]
    notes = ["retro pay for missed overtime", "garnishment per court order", "corrected state tax",
             "relocation stipend included", "reimbursement for home office", "final paycheck incl. unused pto",
             "shift differential adjustment", "signing bonus second installment"]
    checks = []
    cid = 880000
    for pd in pay_dates:
        for e in emps:
            hire = dt.datetime.strptime(e["hire_dt"], "%Y-%m-%d")
            term = dt.datetime.strptime(e["term_dt"], "%Y-%m-%d") if e["term_dt"] else None
            if hire > pd - dt.timedelta(days=13) or (term is not None and term < pd - dt.timedelta(days=13)):
                continue
            cid += rnd.randint(1, 9)
            if e["annual_salary"] is not None:
                reg = 80.0
                ot = 0.0
                gross = e["annual_salary"] / 26
            else:
                reg = round(rnd.uniform(20, 40) if e["emp_type"] == "part_time" else rnd.uniform(60, 80), 2)
                ot = round(rnd.choices([0.0, rnd.uniform(1, 16)], [60, 40])[0], 2)
                gross = e["hourly_rate_usd"] * (reg + 1.5 * ot)
            bonus = None
            ctype = "regular"
            if rnd.random() < 0.06:
                bonus = float(rnd.choice([250, 500, 1000, 1500, 2500, 5000]))
                gross += bonus
            if term is not None and term < pd:
                ctype = "final"
            elif rnd.random() < 0.04:
                ctype = "off_cycle"
            gross = round(gross, 2)
            fed = round(gross * rnd.uniform(0.1, 0.24), 2)
            st = round(gross * rnd.uniform(0.0, 0.06), 2) if e["office"] not in ("Austin", "Seattle") else 0.0
            fica = round(gross * 0.0765, 2)
            ret = round(gross * rnd.choice([0.03, 0.05, 0.06, 0.08]), 2) if e["has_401k"] == "true" else 0.0
            net = round(gross - fed - st - fica - ret, 2)
            if pd < AS_OF - dt.timedelta(days=14):
                status = rnd.choices(["paid", "voided", "reissued"], [95, 3, 2])[0]
            else:
                status = rnd.choices(["paid", "pending", "voided"], [70, 27, 3])[0]
            pay = pd if ctype != "off_cycle" else pd + dt.timedelta(days=rnd.randint(1, 5))
            processed = pay - dt.timedelta(days=2, hours=rnd.randint(0, 8)) + dt.timedelta(hours=9, minutes=rnd.randint(0, 59))
            voided = None
            if status == "voided":
                voided = processed + dt.timedelta(days=rnd.randint(1, 6), hours=rnd.randint(1, 8))
                if voided >= AS_OF:
                    voided = AS_OF - dt.timedelta(hours=3)
            checks.append({
                "check_id": cid,
                "emp_id": e["emp_id"],
                "employee_name": e["full_name"],
                "dept": e["dept"],
                "check_type": ctype,
                "pay_period_end": day(pd - dt.timedelta(days=6)),
                "pay_date": day(pay),
                "processed_at": ts(processed),
                "voided_at": None if voided is None else ts(voided),
                "reg_hrs": reg,
                "ot_hrs": ot,
                "gross_pay": f"{gross:.2f}",
                "fed_tax_withheld": f"{fed:.2f}",
                "state_tax_amt": f"{st:.2f}",
                "fica_amt": f"{fica:.2f}",
                "retirement_contrib": f"{ret:.2f}",
                "net_pay": f"{net:.2f}",
                "bonus_usd": bonus,
                "pay_method": rnd.choices(["direct_deposit", "paper_check", "pay_card"], [86, 9, 5])[0],
                "pay_status": status,
                "adj_note": rnd.choice(notes) if rnd.random() < 0.07 or ctype == "final" else None,
            })
    write("payroll", "paychecks", checks)


def inventory():
    rnd = random.Random(331)
    cats = {
        "Fasteners": ["hex bolt M8x40", "wood screw 4x50", "lock nut M10", "flat washer M6", "rivet 4.8mm"],
        "Electrical": ["cable tie 300mm", "junction box IP65", "led strip 5m", "circuit breaker 16A", "heat shrink kit"],
        "Plumbing": ["pvc elbow 40mm", "ball valve 1/2in", "copper pipe 15mm", "pipe clamp 22mm", "teflon tape"],
        "Packaging": ["corrugated box 40x30x30", "bubble wrap roll", "stretch film 500mm", "packing tape clear", "void fill paper"],
        "Tools": ["cordless drill 18v", "utility knife", "tape measure 8m", "torque wrench", "spirit level 600mm"],
        "Safety Gear": ["nitrile gloves L", "safety glasses clear", "hi-vis vest", "ear defenders", "hard hat white"],
    }
    uoms = {"Fasteners": "box", "Electrical": "each", "Plumbing": "each", "Packaging": "roll", "Tools": "each",
            "Safety Gear": "pair"}
    suppliers = ["Brightline Industrial", "Kestrel Supply Co", "Norland Fasteners", "Pacific Packaging Group",
                 "Ironbark Tools", "Voltmark Electric", "Aquaflow Components", "Sentinel Safety", "Granite Hardware",
                 "Meridian Wholesale", "Coastal Polymers", "Tri-State Distributors", "Hollis & Reed",
                 "Summit Trade Partners", "Bluewater Imports", "Oakridge Manufacturing", "Falcon Logistics Supply",
                 "Harbor Freight Partners", "Vantage Materials", "Copperfield Ltd", "Northstar Sourcing",
                 "Redwood Components", "Atlas Packaging", "Pinecrest Industrial", "Silverline Electric",
                 "Keystone Plumbing Supply", "Orion Safety Products", "Lakeshore Trading", "Quantum Fixings",
                 "Evergreen Supplies"]
    items = []
    for i in range(1, 241):
        cat = rnd.choice(list(cats))
        base = rnd.choice(cats[cat])
        variant = rnd.choice(["", " zinc", " black", " bulk", " heavy duty", " premium", " stainless", " blue"])
        created = AS_OF - dt.timedelta(days=rnd.randint(40, 2000))
        counted = None
        if rnd.random() < 0.8:
            counted = AS_OF - dt.timedelta(days=rnd.randint(1, 400))
        uom = uoms[cat] if rnd.random() < 0.8 else rnd.choice(["each", "box", "case", "pallet"])
        cost = round(rnd.lognormvariate(2.3, 1.0), 2)
        items.append({
            "item_id": 5000 + i,
            "sku_code": f"{cat[:3].upper()}-{rnd.randint(1000, 9999)}-{rnd.choice(['A', 'B', 'C', 'X'])}",
            "item_desc": (base + variant).strip(),
            "category": cat,
            "uom": uom,
            "unit_cost": cost,
            "reorder_pt": rnd.choice([10, 20, 25, 50, 100, 200]),
            "qty_on_hand": rnd.choices([0, rnd.randint(1, 40), rnd.randint(41, 600), rnd.randint(601, 5000)], [6, 24, 50, 20])[0],
            "supplier_name": rnd.choice(suppliers),
            "bin_loc": f"{rnd.choice('ABCDEFG')}-{rnd.randint(1, 24):02d}-{rnd.randint(1, 5)}",
            "is_hazmat": "true" if cat in ("Electrical", "Plumbing") and rnd.random() < 0.15 or rnd.random() < 0.03 else "false",
            "is_discontinued": "true" if rnd.random() < 0.08 else "false",
            "created_dt": day(created),
            "last_counted_on": None if counted is None else day(counted),
        })
    write("inventory", "stock_items", items)

    sites = ["Reno DC", "Memphis DC", "Allentown DC", "Ontario DC"]
    operators = ["jkowal", "mreyes", "tnguyen", "abello", "sfischer", "dokafor", "lmartin", "pharris", "rvance",
                 "cwu", "ebaker", "gsingh"]
    carriers = ["UPS Freight", "XPO", "Estes", "FedEx Freight", "Old Dominion"]
    reasons = {"adjustment": ["damaged in handling", "count variance after audit", "water damage in aisle 4",
                              "found during cycle count", "expired stock written off", "mislabeled units relabeled"],
               "return_to_vendor": ["wrong item shipped by vendor", "defective batch", "over-shipment returned"],
               "scrap": ["damaged in handling", "expired stock written off", "crushed pallet"]}
    moves = []
    for i in range(1, 3001):
        it = rnd.choice(items)
        mtype = rnd.choices(["receipt", "pick", "transfer", "adjustment", "return_to_vendor", "scrap"], [22, 48, 14, 9, 4, 3])[0]
        moved = AS_OF - dt.timedelta(days=540 * (rnd.random() ** 1.3)) - dt.timedelta(seconds=rnd.randint(600, 60000))
        moved = moved.replace(hour=rnd.randint(6, 21))
        if moved >= AS_OF:
            moved = AS_OF - dt.timedelta(hours=3)
        qty = {"receipt": rnd.randint(20, 1200), "pick": rnd.randint(1, 80), "transfer": rnd.randint(10, 400),
               "adjustment": rnd.randint(-40, 25) or -1, "return_to_vendor": -rnd.randint(5, 150),
               "scrap": -rnd.randint(1, 60)}[mtype]
        age_h = (AS_OF - moved).total_seconds() / 3600
        if age_h < 30:
            status = rnd.choices(["Posted", "Pending"], [40, 60])[0]
        else:
            status = rnd.choices(["Posted", "Pending", "Reversed"], [93, 2, 5])[0]
        posted = None
        if status in ("Posted", "Reversed"):
            posted = moved + dt.timedelta(minutes=rnd.randint(2, 1800))
            if posted >= AS_OF:
                posted = AS_OF - dt.timedelta(minutes=rnd.randint(1, 60))
        ref = None
        if mtype == "receipt":
            ref = f"PO-{rnd.randint(40000, 49999)}"
        elif mtype == "pick":
            ref = f"SO-{rnd.randint(700000, 799999)}" if rnd.random() < 0.92 else None
        elif mtype == "return_to_vendor":
            ref = f"RMA-{rnd.randint(1000, 9999)}"
        moves.append({
            "move_id": 900000 + i,
            "item_id": it["item_id"],
            "sku_code": it["sku_code"],
            "item_desc": it["item_desc"],
            "move_type": mtype,
            "site": rnd.choices(sites, [34, 28, 22, 16])[0],
            "to_site": rnd.choice(sites) if mtype == "transfer" else None,
            "qty": qty,
            "ext_cost_usd": f"{abs(qty) * it['unit_cost']:.2f}",
            "weight_lbs": round(abs(qty) * rnd.uniform(0.05, 6.0), 1),
            "moved_at": ts(moved),
            "posted_at": None if posted is None else ts(posted),
            "move_status": status,
            "operator_id": None if rnd.random() < 0.06 else rnd.choice(operators),
            "ref_doc": ref,
            "carrier": rnd.choice(carriers) if mtype in ("receipt", "return_to_vendor") and rnd.random() < 0.85 else None,
            "is_rush": "true" if mtype == "pick" and rnd.random() < 0.12 else "false",
            "reason_txt": rnd.choice(reasons[mtype]) if mtype in reasons and rnd.random() < 0.9 else None,
        })
    write("inventory", "inventory_moves", moves)


if __name__ == "__main__":
    fooddelivery()
    payroll()
    inventory()
