#!/usr/bin/env python3
"""Generates three fresh unseen schemas for the search evaluation (rentals, bugtracker, ticketing) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00): rerun it only on purpose, then re-check the golds
(Unseen5SchemasEvalTest.every_gold_runs_and_returns_rows). Every event that happened (signed, created,
resolved, ordered, refunded) ends before the as-of; lease start/end dates and event dates reach into
the future (a lease's scheduled end, a show on sale).
  rentals/     properties (140), leases (1,900)
  bugtracker/  defects (2,600)
  ticketing/   events (160), ticket_orders (2,800)
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


def tf(b):
    return "true" if b else "false"


FIRST = ["Adaeze", "Bjorn", "Carmen", "Declan", "Esther", "Farid", "Greta", "Hugo", "Imani", "Jorge",
         "Kirsten", "Liam", "Mariko", "Nadia", "Oskar", "Priya", "Quentin", "Rhea", "Samir", "Thea",
         "Uriel", "Vivian", "Wesley", "Ximena", "Yusuf", "Zoe"]
LAST = ["Achterberg", "Brennan", "Castillo", "Delacroix", "Esposito", "Fitzgerald", "Gallagher", "Haddad",
        "Iwasaki", "Jovanovic", "Kaminski", "Lundgren", "Mbeki", "Nakamura", "O'Neill", "Pereira", "Quinlan",
        "Rasmussen", "Schroeder", "Thibault", "Udeh", "Vasquez", "Whitfield", "Yilmaz"]
PEOPLE = [f"{f} {l}" for f in FIRST for l in LAST]


def email(rnd, name, domain):
    f, l = name.lower().replace("'", "").split(" ", 1)
    return f"{f}.{l}{rnd.randint(1, 99)}@{domain}"


# --------------------------------------------------------------------------------------------------
def rentals():
    rnd = random.Random(2027)
    cities = ["Austin", "Denver", "Portland", "Raleigh", "Tampa", "Columbus"]
    types = ["apartment", "single_family", "townhouse", "condo", "studio", "duplex"]
    streets = ["Juniper St", "Larkspur Ave", "Old Mill Rd", "Harbor View Dr", "Birch Ln", "Cypress Way",
               "Magnolia Blvd", "Quarry Rd", "Sunset Terrace", "Willow Creek Dr", "Granite Ct", "Alder Pl"]
    owners = ["Harbor Lane Holdings LLC", "Bluestem Properties", "Kessler Family Trust", "Northgate Rentals Inc",
              "Pinecrest Capital", "Redwood & Ash Partners", "Stonebridge Residential", "Tallgrass Homes LLC",
              "Union Square Realty", "Vantage Point Living"] + PEOPLE[::37][:30]
    amen = ["renovated kitchen", "in-unit washer/dryer", "balcony", "hardwood floors", "central air",
            "fenced yard", "walk-in closet", "rooftop deck access", "dishwasher", "fireplace",
            "near light rail", "garage storage", "stainless appliances", "pool access"]
    occ = ["Occupied", "Vacant", "Under Renovation", "Notice Given"]
    rent_base = {"Austin": 1900, "Denver": 2000, "Portland": 1800, "Raleigh": 1600, "Tampa": 1750,
                 "Columbus": 1350}
    props = []
    for i in range(1, 141):
        city = rnd.choices(cities, [24, 20, 16, 14, 14, 12])[0]
        ptype = rnd.choices(types, [36, 18, 14, 14, 10, 8])[0]
        beds = 0 if ptype == "studio" else rnd.choices([1, 2, 3, 4, 5], [22, 34, 28, 12, 4])[0]
        if ptype in ("single_family", "duplex") and beds < 2:
            beds = rnd.choice([2, 3, 4])
        baths = max(1.0, min(3.5, beds * 0.5 + rnd.choice([0.5, 1.0, 1.0, 1.5])))
        sqft = (420 if beds == 0 else 520 + beds * 330) + rnd.randint(-60, 260)
        rent = int(round((rent_base[city] * (0.55 if beds == 0 else 0.6 + beds * 0.28) + rnd.randint(-150, 300)) / 25) * 25)
        listed = AS_OF - dt.timedelta(days=rnd.randint(30, 1900))
        insp = None if rnd.random() < 0.2 else listed + dt.timedelta(days=rnd.randint(10, max(11, (AS_OF - listed).days - 2)))
        owner = rnd.choice(owners)
        props.append({
            "property_id": 2000 + i,
            "address_line": f"{rnd.randint(12, 9890)} {rnd.choice(streets)}" + (f", Unit {rnd.randint(1, 40)}{rnd.choice('ABCD')}" if ptype in ("apartment", "condo", "studio") else ""),
            "city": city,
            "prop_type": ptype,
            "beds": beds,
            "baths": f"{baths:.1f}",
            "sqft": sqft,
            "list_rent_usd": rent,
            "owner_name": owner,
            "mgr_email": None if rnd.random() < 0.15 else f"pm{rnd.randint(1, 9)}.{i}@keystonepm.example",
            "is_furnished": tf(rnd.random() < 0.18),
            "has_parking": tf(ptype != "studio" and rnd.random() < 0.65),
            "pets_ok": tf(rnd.random() < 0.45),
            "yr_built": rnd.randint(1928, 2024),
            "listed_dt": day(listed),
            "last_inspected_on": None if insp is None else day(insp),
            "occupancy_status": rnd.choices(occ, [70, 14, 6, 10])[0],
            "amenities_desc": None if rnd.random() < 0.1 else ", ".join(rnd.sample(amen, rnd.randint(2, 4))),
        })
    write("rentals", "properties", props)

    notes = ["tenant requested early termination, job relocation", "co-signer on file", "paid first and last month upfront",
             "rent reduced after HVAC outage", "roommate added mid-lease", "late fees waived once",
             "renewal offered at 4% increase", "deposit partially withheld for carpet damage",
             "tenant disputes cleaning charge", "section 8 voucher", "parking spot included"]
    agents = ["Marisol Ortega", "Dan Whitaker", "Keisha Boyd", "Arjun Nair", "Colleen Hart", "Tobias Lang"]
    leases = []
    for i in range(1, 1901):
        p = rnd.choice(props)
        signed = AS_OF - dt.timedelta(days=1300 * (rnd.random() ** 1.25)) - dt.timedelta(seconds=rnd.randint(600, 80000))
        start = (signed + dt.timedelta(days=rnd.randint(3, 35))).date()
        term = rnd.choices([6, 12, 18, 24], [12, 62, 14, 12])[0]
        end = (dt.datetime.combine(start, dt.time()) + dt.timedelta(days=round(term * 30.42))).date()
        today = AS_OF.date()
        moved_out = None
        if start > today:
            status = "pending_signature" if rnd.random() < 0.35 else "active"
        elif end <= today:
            r = rnd.random()
            if r < 0.16:
                status = "month_to_month"
            elif r < 0.30:
                status = "terminated_early"
                moved_out = start + dt.timedelta(days=rnd.randint(30, max(31, (end - start).days - 10)))
            else:
                status = "expired"
                moved_out = end + dt.timedelta(days=rnd.randint(-3, 5))
        else:
            if rnd.random() < 0.1:
                status = "terminated_early"
                moved_out = start + dt.timedelta(days=rnd.randint(20, max(21, (today - start).days)))
            else:
                status = "active"
        if moved_out is not None and moved_out >= today:
            moved_out = today - dt.timedelta(days=rnd.randint(1, 20))
            if moved_out < start:
                moved_out = start
        rent = round(p["list_rent_usd"] * rnd.uniform(0.92, 1.06) * (1 + 0.035 * (signed.year - 2023)), 2)
        tenant = rnd.choice(PEOPLE)
        leases.append({
            "lease_id": 700000 + i,
            "property_id": p["property_id"],
            "city": p["city"],
            "tenant_name": tenant,
            "tenant_email": None if rnd.random() < 0.13 else email(rnd, tenant, rnd.choice(["gmail.com", "outlook.com", "yahoo.com", "proton.me"])),
            "lease_status": status,
            "signed_ts": ts(signed),
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "moved_out_on": None if moved_out is None else moved_out.isoformat(),
            "term_mo": term,
            "monthly_rent_usd": f"{rent:.2f}",
            "security_deposit_usd": int(round(p["list_rent_usd"] * rnd.choice([0.5, 1.0, 1.0, 1.5]) / 50) * 50),
            "occupants": rnd.choices([1, 2, 3, 4, 5, 6], [30, 34, 16, 12, 6, 2])[0],
            "late_pmt_cnt": rnd.choices([0, 0, 0, 1, 2, rnd.randint(3, 9)], [40, 15, 10, 16, 10, 9])[0],
            "has_pets": tf(p["pets_ok"] == "true" and rnd.random() < 0.5),
            "is_auto_renew": tf(rnd.random() < 0.38),
            "leasing_agent": None if rnd.random() < 0.12 else rnd.choice(agents),
            "notes": rnd.choice(notes) if rnd.random() < 0.3 else None,
        })
    write("rentals", "leases", leases)


# --------------------------------------------------------------------------------------------------
def bugtracker():
    rnd = random.Random(4411)
    comps = ["Checkout", "Search", "Auth", "Billing", "Mobile App", "Admin Console", "Notifications"]
    problems = {
        "Checkout": ["pay button unresponsive on Safari", "cart total off by one cent", "coupon field clears on refresh",
                     "shipping address not saved", "timeout when placing large orders"],
        "Search": ["results missing for accented queries", "autocomplete shows deleted items", "filters reset after paging",
                   "slow query on empty search", "typo tolerance too aggressive"],
        "Auth": ["login loop after password reset", "SSO redirect fails for Okta tenants", "2FA code rejected when clock drifts",
                 "session expires too early", "remember me checkbox ignored"],
        "Billing": ["invoice PDF shows wrong tax rate", "double charge on plan upgrade", "proration negative for annual plans",
                    "currency symbol missing on receipts", "refund not reflected in balance"],
        "Mobile App": ["crash on launch on Android 14", "push token not refreshed", "dark mode text unreadable",
                       "image upload hangs on slow network", "keyboard covers the submit button"],
        "Admin Console": ["CSV export truncates at 10k rows", "role change not applied until relogin", "audit log timezone wrong",
                          "bulk delete ignores selection", "user search case sensitive"],
        "Notifications": ["duplicate emails on retry", "digest sent at wrong hour", "unsubscribe link broken",
                          "webhook payload missing fields", "SMS not sent to UK numbers"],
    }
    engineers = ["Ava Lindholm", "Ben Carter", "Chidi Okonkwo", "Dana Kowalczyk", "Eitan Shapiro", "Fiona Walsh",
                 "Goran Petrovic", "Hana Sato", "Ivan Morales", "Jia Wen", "Kofi Mensah", "Lara Becker"]
    sev = ["blocker", "critical", "major", "minor", "trivial"]
    versions = ["2.12.0", "2.12.1", "2.13.0", "2.14.0", "2.14.2", "3.0.0"]
    rows = []
    for i in range(1, 2601):
        comp = rnd.choices(comps, [18, 14, 12, 14, 20, 10, 12])[0]
        s = rnd.choices(sev, [4, 12, 38, 34, 12])[0]
        prio = {"blocker": 0, "critical": rnd.choice([0, 1]), "major": rnd.choice([1, 2]), "minor": rnd.choice([2, 3]),
                "trivial": 3}[s]
        created = AS_OF - dt.timedelta(days=900 * (rnd.random() ** 1.5)) - dt.timedelta(seconds=rnd.randint(300, 80000))
        age = (AS_OF - created).total_seconds() / 86400
        if age < 7:
            status = rnd.choices(["new", "triaged", "in_progress", "in_review", "resolved"], [45, 25, 18, 7, 5])[0]
        elif age < 60:
            status = rnd.choices(["new", "triaged", "in_progress", "in_review", "resolved", "wont_fix", "duplicate"],
                                 [10, 18, 20, 10, 32, 5, 5])[0]
        else:
            status = rnd.choices(["new", "triaged", "in_progress", "in_review", "resolved", "wont_fix", "duplicate"],
                                 [3, 6, 5, 2, 68, 9, 7])[0]
        resolved = None
        if status in ("resolved", "wont_fix", "duplicate"):
            resolved = created + dt.timedelta(hours=rnd.uniform(1, min(24 * 120, max(2, age * 24 - 1))))
            if resolved >= AS_OF:
                resolved = AS_OF - dt.timedelta(minutes=rnd.randint(5, 900))
        est = round(rnd.choice([0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24]) * 1.0, 1)
        logged = round(est * rnd.uniform(0.2, 2.4), 2) if status not in ("new", "triaged") else round(rnd.uniform(0, 1.5), 2)
        reporter = rnd.choice(PEOPLE)
        assignee = None if status == "new" or rnd.random() < 0.07 else rnd.choice(engineers)
        plat = "iOS" if comp == "Mobile App" and rnd.random() < 0.5 else ("Android" if comp == "Mobile App" else rnd.choices(["Web", "Desktop", "API"], [70, 12, 18])[0])
        affected = int(rnd.lognormvariate(5.5, 1.8))
        if s == "blocker":
            affected *= 4
        rows.append({
            "bug_id": 40000 + i,
            "title": f"{comp}: {rnd.choice(problems[comp])}",
            "component": comp,
            "severity": s,
            "prio": prio,
            "status": status,
            "platform": plat,
            "env": rnd.choices(["prod", "staging", "qa", "dev"], [55, 20, 17, 8])[0],
            "reporter": reporter,
            "reporter_email": None if rnd.random() < 0.2 else email(rnd, reporter, rnd.choice(["acme-corp.com", "brightlane.io", "internal.example"])),
            "assignee": assignee,
            "created_ts": ts(created),
            "resolved_ts": None if resolved is None else ts(resolved),
            "due_dt": None if rnd.random() < 0.55 else day(created + dt.timedelta(days=rnd.randint(3, 45))),
            "story_pts": None if rnd.random() < 0.3 else rnd.choice([1, 2, 3, 5, 8, 13]),
            "est_hrs": est,
            "hrs_logged": logged,
            "reopen_cnt": rnd.choices([0, 1, 2, 3, 4], [78, 14, 5, 2, 1])[0],
            "affected_users": affected,
            "is_regression": tf(rnd.random() < 0.17),
            "has_repro_steps": tf(rnd.random() < 0.72),
            "is_customer_reported": tf(rnd.random() < 0.33),
            "fix_version": rnd.choice(versions) if status == "resolved" and rnd.random() < 0.8 else None,
        })
    write("bugtracker", "defects", rows)


# --------------------------------------------------------------------------------------------------
def ticketing():
    rnd = random.Random(909)
    venues = [("Riverside Arena", "Nashville", 12000, False), ("The Crown Hall", "Chicago", 2200, False),
              ("Bayfront Amphitheater", "San Diego", 8000, True), ("Old Mill Theater", "Minneapolis", 900, False),
              ("Civic Center", "Nashville", 5000, False), ("Lakeshore Park Stage", "Chicago", 15000, True),
              ("The Velvet Room", "Minneapolis", 400, False)]
    genres = ["rock", "jazz", "comedy", "theater", "electronic", "classical", "family", "hip_hop"]
    acts = {
        "rock": ["Neon Tides", "The Hollow Pines", "Rust & Ribbon", "Glass Harbor", "Static Saints"],
        "jazz": ["Mara Quintet", "Blue Lantern Trio", "Odette Vance", "Sam Okoro Big Band"],
        "comedy": ["Dana Ruiz", "Phil Ambrose", "Kemi Adeyemi", "The Improv Collective"],
        "theater": ["Hamlet Reimagined", "The Glass Menagerie", "Little Shop of Horrors", "Into the Woods"],
        "electronic": ["Pulsewidth", "Lumen Drift", "KASSO", "Night Circuit"],
        "classical": ["City Symphony Orchestra", "Aurora String Quartet", "Helena Marsh, piano"],
        "family": ["Bubble Science Show", "Paw Patrol Live", "Magic of Merlin"],
        "hip_hop": ["Lil Verse", "Kai Monroe", "Brick City Collective", "Yung Saffron"],
    }
    promoters = ["Apex Live", "Brightside Presents", "Cobalt Entertainment", "Frontrow Productions",
                 "Harmon & Pike", "Lantern Events", "Northstar Promotions", "Solstice Touring"]
    base = {"rock": 55, "jazz": 40, "comedy": 35, "theater": 65, "electronic": 50, "classical": 45, "family": 25, "hip_hop": 60}
    events = []
    forced = {1: (AS_OF, "comedy"), 2: (AS_OF, "jazz"), 3: (AS_OF - dt.timedelta(days=1), "rock"),
              4: (AS_OF + dt.timedelta(days=2), "theater")}
    for i in range(1, 161):
        if i in forced:
            edate, genre = forced[i]
        else:
            genre = rnd.choices(genres, [20, 10, 14, 12, 12, 8, 9, 15])[0]
            edate = AS_OF + dt.timedelta(days=rnd.randint(-420, 110))
        v = rnd.choice(venues) if genre not in ("theater", "classical") else rnd.choice([venues[1], venues[3], venues[4]])
        act = rnd.choice(acts[genre])
        announced = dt.datetime.combine(edate.date(), dt.time()) - dt.timedelta(days=rnd.randint(40, 200), hours=rnd.randint(0, 12))
        cancelled = None
        if rnd.random() < 0.07:
            cancelled = announced + dt.timedelta(days=rnd.randint(5, 30))
            if cancelled >= AS_OF:
                cancelled = AS_OF - dt.timedelta(days=rnd.randint(1, 10))
        cap = int(v[2] * rnd.uniform(0.7, 1.0))
        events.append({
            "event_id": 500 + i,
            "event_title": f"{act}" + rnd.choice([" Live", " - Winter Tour", "", " - Anniversary Night", " & Friends", " (Late Show)"]),
            "headliner": act,
            "genre": genre,
            "venue": v[0],
            "city": v[1],
            "event_dt": day(edate),
            "announced_at": ts(announced),
            "capacity": cap,
            "face_value_usd": f"{base[genre] * rnd.uniform(0.7, 2.2):.2f}",
            "age_limit": rnd.choices(["all_ages", "18_plus", "21_plus"], [60, 25, 15])[0] if genre != "family" else "all_ages",
            "is_outdoor": tf(v[3]),
            "is_sold_out": "false",
            "promoter": rnd.choice(promoters),
            "cancelled_on": None if cancelled is None else day(cancelled),
        })
    tiers = ["General Admission", "VIP", "Balcony", "Early Bird", "Student", "Front Row"]
    mult = {"General Admission": 1.0, "VIP": 2.6, "Balcony": 0.85, "Early Bird": 0.75, "Student": 0.6, "Front Row": 1.9}
    codes = ["EARLY10", "FALLFEST", "STUDENT5", "VIPUPGRADE", "FRIENDS20", "NEWSLETTER"]
    orders = []
    sold = {e["event_id"]: 0 for e in events}
    n = 0
    while len(orders) < 2800:
        e = rnd.choice(events)
        edate = dt.datetime.strptime(e["event_dt"], "%Y-%m-%d")
        onsale = dt.datetime.strptime(e["announced_at"], "%Y-%m-%d %H:%M:%S") + dt.timedelta(days=2)
        last = min(edate + dt.timedelta(hours=20), AS_OF - dt.timedelta(minutes=30))
        if e["cancelled_on"]:
            last = min(last, dt.datetime.strptime(e["cancelled_on"], "%Y-%m-%d"))
        if last <= onsale:
            continue
        n += 1
        ordered = onsale + (last - onsale) * (rnd.random() ** 0.6)
        tier = rnd.choices(tiers, [52, 9, 12, 13, 7, 7])[0]
        qty = rnd.choices([1, 2, 3, 4, 5, 6, 8], [22, 44, 10, 14, 4, 4, 2])[0]
        price = round(float(e["face_value_usd"]) * mult[tier], 2)
        fees = round(qty * (2.5 + price * 0.11), 2)
        promo = rnd.choice(codes) if rnd.random() < 0.16 else None
        sub = qty * price * (0.9 if promo else 1.0)
        age = (AS_OF - ordered).total_seconds() / 86400
        if e["cancelled_on"]:
            status = rnd.choices(["refunded", "cancelled"], [85, 15])[0]
        elif age < 2:
            status = rnd.choices(["paid", "pending_payment"], [80, 20])[0]
        else:
            status = rnd.choices(["paid", "refunded", "cancelled", "pending_payment", "chargeback"], [84, 7, 4, 2, 3])[0]
        refunded = None
        if status == "refunded":
            lo = ordered + dt.timedelta(hours=2)
            hi = min(AS_OF - dt.timedelta(minutes=10), ordered + dt.timedelta(days=40))
            refunded = lo + (hi - lo) * rnd.random() if hi > lo else hi
        buyer = rnd.choice(PEOPLE)
        past = edate < AS_OF
        orders.append({
            "order_ref": f"ORD-{100000 + n * 7 + rnd.randint(0, 6):07d}",
            "event_id": e["event_id"],
            "event_title": e["event_title"],
            "buyer_name": buyer,
            "buyer_email": None if rnd.random() < 0.09 else email(rnd, buyer, rnd.choice(["gmail.com", "icloud.com", "hotmail.com", "fastmail.com"])),
            "sales_channel": rnd.choices(["web", "mobile_app", "box_office", "reseller"], [46, 32, 12, 10])[0],
            "tier": tier,
            "qty": qty,
            "unit_price_usd": f"{price:.2f}",
            "fees_usd": f"{fees:.2f}",
            "total_usd": f"{sub + fees:.2f}",
            "promo_code": promo,
            "order_status": status,
            "ordered_at": ts(ordered),
            "refunded_at": None if refunded is None else ts(refunded),
            "is_gift": tf(rnd.random() < 0.11),
            "checked_in": tf(past and status == "paid" and rnd.random() < 0.87),
        })
        if status in ("paid", "pending_payment"):
            sold[e["event_id"]] += qty
    for e in events:
        e["is_sold_out"] = tf(e["cancelled_on"] is None and rnd.random() < 0.12)
    write("ticketing", "events", events)
    write("ticketing", "ticket_orders", orders)


if __name__ == "__main__":
    rentals()
    bugtracker()
    ticketing()
