#!/usr/bin/env python3
"""Generates three fresh unseen schemas for the search evaluation (elearning, fleet, saas) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00): every event that happened (enrolled, completed,
published, opened, closed, acquired, retired, started, canceled, issued, paid) ends before the as-of;
only invoice due dates reach past it (up to 45 days). Rerun it only on purpose, then re-check the golds
(Unseen6SchemasEvalTest.every_gold_runs_and_returns_rows).
  elearning/  courses (90), enrollments (2,600)
  fleet/      vehicles (120), work_orders (2,200)
  saas/       subscriptions (260), invoices (2,700)
"""
import csv, os, random, datetime as dt

AS_OF = dt.datetime(2026, 11, 20)
HERE = os.path.dirname(os.path.abspath(__file__))


def ts(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def day(d):
    return d.strftime("%Y-%m-%d")


def b(x):
    return "true" if x else "false"


def write(folder, name, rows):
    path = os.path.join(HERE, folder, "data")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name + ".csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})


FIRST = ["Adaeze", "Bjorn", "Chiara", "Diego", "Emre", "Fatima", "Goran", "Hana", "Ines", "Jakub", "Kavya",
         "Liam", "Mariana", "Noor", "Oskar", "Priya", "Quentin", "Rania", "Sven", "Thandiwe", "Umar",
         "Valentina", "Wiktor", "Ximena", "Yusuf", "Zoe"]
LAST = ["Achterberg", "Bergstrom", "Castillo", "Demir", "Engel", "Fontaine", "Grant", "Haddad", "Ishikawa",
        "Jovanovic", "Kaur", "Lombardi", "Mensah", "Nakamura", "Oyelaran", "Pereira", "Quinn", "Rossi",
        "Schmidt", "Tran", "Ulloa", "Vasquez", "Whitfield"]
NAMES = [f"{f} {l}" for f in FIRST for l in LAST]


def elearning():
    rnd = random.Random(2611)
    topics = {
        "Data Science": ["Intro to Pandas", "Machine Learning Foundations", "SQL for Analysts", "Statistics Refresher",
                         "Deep Learning with PyTorch", "Time Series Forecasting", "Data Visualization with Python"],
        "Web Development": ["Modern JavaScript", "React from Scratch", "Node.js APIs", "CSS Layout Mastery",
                            "Full-Stack Django", "TypeScript Essentials"],
        "Design": ["Figma for Beginners", "UX Research Methods", "Typography Basics", "Logo Design Workshop"],
        "Business": ["Project Management Essentials", "Financial Modeling in Excel", "Negotiation Skills",
                     "Startup Fundraising", "Agile and Scrum"],
        "Languages": ["Spanish for Travelers", "Business German", "Japanese Kana", "Conversational French"],
        "Photography": ["Smartphone Photography", "Lightroom Editing", "Portrait Lighting"],
    }
    instructors = ["Dr. Helen Park", "Marco Villanueva", "Sarah O'Connell", "Rahul Bhatt", "Lena Fischer",
                   "Tomas Herrera", "Aiko Suzuki", "James Whitaker", "Nadia Rahimi", "Peter Lindgren",
                   "Grace Adeyemi", "Carlos Mendes", "Olga Petrenko", "Ben Carver"]
    langs = ["English", "Spanish", "German", "Portuguese"]
    courses = []
    used = {}
    for i in range(1, 91):
        cat = rnd.choices(list(topics), [26, 22, 14, 18, 12, 8])[0]
        base = rnd.choice(topics[cat])
        used[base] = used.get(base, 0) + 1
        subtitles = ["", ": Hands-On", " Bootcamp", ": Crash Course", " Masterclass", ": Complete Guide",
                     " for Professionals", " 2.0", ": Projects", " Workshop"]
        title = base + subtitles[used[base] - 1] if used[base] <= len(subtitles) else f"{base} {used[base]}"
        lvl = rnd.choices(["beginner", "intermediate", "advanced", "all_levels"], [35, 33, 17, 15])[0]
        published = AS_OF - dt.timedelta(days=rnd.randint(20, 1500))
        updated = None
        if rnd.random() < 0.7:
            updated = published + dt.timedelta(days=rnd.randint(5, max(6, (AS_OF - published).days - 2)))
        courses.append({
            "course_id": 3000 + i,
            "course_title": title,
            "category": cat,
            "level": lvl,
            "instructor_name": rnd.choice(instructors),
            "lang": rnd.choices(langs, [70, 14, 9, 7])[0],
            "price_usd": rnd.choice([0, 19.99, 29.99, 49.99, 79.99, 99.99, 129.0, 199.0]) if lvl != "advanced"
            else rnd.choice([99.99, 149.0, 199.0, 249.0]),
            "duration_hrs": round(rnd.uniform(1.5, 42.0), 1),
            "num_lectures": rnd.randint(8, 180),
            "published_on": day(published),
            "last_updated_dt": None if updated is None else day(updated),
            "has_certificate": b(rnd.random() < 0.6),
            "avg_rating": round(rnd.uniform(3.1, 4.95), 2),
        })
    write("elearning", "courses", courses)
    countries = ["US", "IN", "GB", "DE", "BR", "CA", "NG", "ES"]
    coupons = ["BLACKFRIDAY", "WELCOME10", "SPRING25", "TEAMPLAN", "STUDENT50"]
    reviews = ["great intro, clear explanations", "too fast for beginners", "audio quality is poor in later videos",
               "exercises were really helpful", "outdated content, needs a refresh", "loved the final project",
               "instructor answers questions quickly", "good value for the price", "quizzes too easy",
               "subtitles have errors"]
    rows = []
    for i in range(1, 2601):
        c = rnd.choice(courses)
        pub = dt.datetime.strptime(c["published_on"], "%Y-%m-%d")
        span = (AS_OF - pub).total_seconds()
        enrolled = pub + dt.timedelta(seconds=span * (rnd.random() ** 0.6))
        if enrolled >= AS_OF - dt.timedelta(minutes=30):
            enrolled = AS_OF - dt.timedelta(minutes=rnd.randint(30, 4000))
        age = (AS_OF - enrolled).days
        if age < 14:
            status = rnd.choices(["active", "dropped", "refunded", "paused"], [82, 6, 7, 5])[0]
        else:
            status = rnd.choices(["active", "completed", "dropped", "refunded", "paused"], [28, 38, 22, 4, 8])[0]
        completed = None
        if status == "completed":
            completed = enrolled + dt.timedelta(days=rnd.uniform(1, min(200, max(1.5, age - 0.5))))
            if completed >= AS_OF:
                completed = AS_OF - dt.timedelta(minutes=rnd.randint(10, 600))
            progress = 100
        elif status == "refunded":
            progress = rnd.randint(0, 15)
        else:
            progress = rnd.randint(0, 99)
        trial = rnd.random() < 0.1
        coupon = rnd.choice(coupons) if rnd.random() < 0.22 else None
        price = float(c["price_usd"])
        paid = 0.0 if trial else round(price * (rnd.choice([0.5, 0.75, 0.9]) if coupon else 1.0), 2)
        if status == "refunded":
            paid = 0.0
        plan = rnd.choices(["one_time", "subscription", "corporate"], [60, 28, 12])[0]
        watched = int(float(c["duration_hrs"]) * 60 * progress / 100 * rnd.uniform(0.8, 1.2))
        rows.append({
            "enrollment_id": 700000 + i,
            "course_id": c["course_id"],
            "course_title": c["course_title"],
            "student_name": rnd.choice(NAMES),
            "student_email": None if rnd.random() < 0.1 else f"learner{i}@{rnd.choice(['gmail.com', 'outlook.com', 'acme-corp.com', 'uni.edu'])}",
            "country_code": rnd.choices(countries, [30, 20, 12, 10, 9, 8, 6, 5])[0],
            "enroll_status": status,
            "payment_plan": plan,
            "enrolled_ts": ts(enrolled),
            "completed_ts": None if completed is None else ts(completed),
            "progress_pct": progress,
            "mins_watched": watched,
            "quiz_avg": round(rnd.uniform(40, 100), 1) if progress > 20 and rnd.random() < 0.85 else None,
            "amount_paid": f"{paid:.2f}",
            "coupon_code": coupon,
            "is_trial": b(trial),
            "review_text": rnd.choice(reviews) if rnd.random() < 0.3 else None,
        })
    write("elearning", "enrollments", rows)


def fleet():
    rnd = random.Random(4477)
    makes = {"Ford": ["Transit", "F-150", "E-Series"], "Mercedes-Benz": ["Sprinter", "eSprinter"],
             "Volvo": ["VNL 760", "VNR Electric"], "Toyota": ["Camry Hybrid", "Tacoma"],
             "Isuzu": ["NPR-HD", "NRR"], "Ram": ["ProMaster", "2500"]}
    vclass = {"Transit": "cargo_van", "E-Series": "box_truck", "F-150": "pickup", "Sprinter": "cargo_van",
              "eSprinter": "cargo_van", "VNL 760": "tractor", "VNR Electric": "tractor", "Camry Hybrid": "sedan",
              "Tacoma": "pickup", "NPR-HD": "box_truck", "NRR": "box_truck", "ProMaster": "cargo_van",
              "2500": "pickup"}
    fuel = {"eSprinter": "electric", "VNR Electric": "electric", "Camry Hybrid": "hybrid", "Tacoma": "gasoline",
            "F-150": "gasoline", "Transit": "gasoline"}
    depots = ["Denver", "Phoenix", "Dallas", "Salt Lake City", "Albuquerque"]
    drivers = [f"{f} {l}" for f, l in zip(rnd.sample(FIRST, 20), rnd.sample(LAST, 20))]
    vehicles = []
    plates = set()
    for i in range(1, 121):
        make = rnd.choices(list(makes), [30, 20, 12, 14, 14, 10])[0]
        model = rnd.choice(makes[make])
        yr = rnd.randint(2014, 2026)
        acquired = dt.datetime(yr, 1, 1) + dt.timedelta(days=rnd.randint(0, 300))
        if acquired >= AS_OF:
            acquired = AS_OF - dt.timedelta(days=rnd.randint(10, 200))
        retired = None
        if yr < 2019 and rnd.random() < 0.45:
            retired = acquired + dt.timedelta(days=rnd.randint(1500, min(3500, (AS_OF - acquired).days - 1)))
        while True:
            plate = f"{rnd.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{rnd.choice('ABCDEFGHJKLMNPRSTVWXYZ')}{rnd.choice('ABCDEFGHJKLMNPRSTVWXYZ')}-{rnd.randint(1000, 9999)}"
            if plate not in plates:
                plates.add(plate)
                break
        age_yrs = (AS_OF - acquired).days / 365
        vehicles.append({
            "vehicle_id": i,
            "plate_no": plate,
            "make": make,
            "model": model,
            "veh_class": vclass[model],
            "fuel_type": fuel.get(model, "diesel"),
            "model_yr": yr,
            "depot": rnd.choices(depots, [30, 24, 22, 14, 10])[0],
            "odometer_mi": int(age_yrs * rnd.uniform(14000, 52000)) + rnd.randint(100, 3000),
            "purchase_price_usd": rnd.randint(24, 180) * 1000 if vclass[model] != "tractor" else rnd.randint(120, 260) * 1000,
            "acquired_dt": day(acquired),
            "retired_dt": None if retired is None else day(retired),
            "is_leased": b(rnd.random() < 0.3),
            "assigned_driver": None if retired is not None or rnd.random() < 0.2 else rnd.choice(drivers),
        })
    write("fleet", "vehicles", vehicles)
    services = {"Oil Change": (0.8, 60), "Brake Service": (2.5, 380), "Tire Replacement": (1.5, 900),
                "Engine Repair": (9.0, 2600), "Annual Inspection": (1.2, 0), "Transmission": (12.0, 3800),
                "Electrical": (3.0, 450), "Body Work": (6.0, 1200)}
    vendors = ["Midas Fleet Services", "Rocky Mountain Truck Center", "Desert Diesel Repair", "Lone Star Tire Co",
               "Summit Auto Electric", "Pronto Collision", "Canyon Transmission Works", "Mesa Lube Express"]
    mechanics = ["R. Alvarez", "K. Oduya", "T. Brennan", "S. Novak", "M. Chavez", "J. Whitlock"]
    notes = {"Oil Change": ["synthetic oil, filter replaced", "oil leak at drain plug noted"],
             "Brake Service": ["replaced front pads and rotors", "brake fluid flushed, rear shoes worn"],
             "Tire Replacement": ["tires worn to 3/32, replaced all four", "sidewall puncture on right rear"],
             "Engine Repair": ["coolant leak found at water pump", "check engine light, O2 sensor replaced",
                               "DEF system fault cleared"],
             "Annual Inspection": ["passed, windshield chip noted", "failed on headlight aim, rechecked"],
             "Transmission": ["transmission slipping in 3rd gear", "waiting on backordered parts from dealer"],
             "Electrical": ["battery failed load test", "alternator replaced, battery recharged"],
             "Body Work": ["rear bumper dent after dock contact", "side mirror replaced after scrape"]}
    rows = []
    active = [v for v in vehicles]
    for i in range(1, 2201):
        v = rnd.choice(active)
        start = max(dt.datetime.strptime(v["acquired_dt"], "%Y-%m-%d"), AS_OF - dt.timedelta(days=1100))
        end = dt.datetime.strptime(v["retired_dt"], "%Y-%m-%d") if v["retired_dt"] else AS_OF
        if end <= start:
            v = vehicles[rnd.randint(100, 119)]
            start = max(dt.datetime.strptime(v["acquired_dt"], "%Y-%m-%d"), AS_OF - dt.timedelta(days=1100))
            end = AS_OF
        opened = start + dt.timedelta(seconds=(end - start).total_seconds() * (rnd.random() ** 0.7))
        if opened >= AS_OF - dt.timedelta(minutes=30):
            opened = AS_OF - dt.timedelta(minutes=rnd.randint(40, 5000))
        age = (AS_OF - opened).days
        stype = rnd.choices(list(services), [30, 14, 12, 7, 16, 4, 10, 7])[0]
        hrs0, parts0 = services[stype]
        if age < 7:
            st = rnd.choices(["open", "in_progress", "awaiting_parts", "completed", "cancelled"], [30, 28, 12, 26, 4])[0]
        elif age < 40:
            st = rnd.choices(["open", "in_progress", "awaiting_parts", "completed", "cancelled"], [6, 10, 10, 68, 6])[0]
        else:
            st = rnd.choices(["completed", "cancelled", "awaiting_parts"], [92, 7, 1])[0]
        closed = None
        if st in ("completed", "cancelled"):
            closed = opened + dt.timedelta(hours=rnd.uniform(2, 24 * min(20, max(0.2, age))))
            if closed >= AS_OF:
                closed = AS_OF - dt.timedelta(minutes=rnd.randint(5, 500))
        hrs = round(hrs0 * rnd.uniform(0.5, 1.8), 1) if st != "cancelled" else 0.0
        parts = round(parts0 * rnd.lognormvariate(0, 0.5), 2) if st != "cancelled" and parts0 else 0.0
        vendor = rnd.choice(vendors) if rnd.random() < 0.4 else None
        rate = 135.0 if vendor else 95.0
        warranty = rnd.random() < (0.25 if int(v["model_yr"]) >= 2023 else 0.05)
        rows.append({
            "wo_id": 90000 + i,
            "vehicle_id": v["vehicle_id"],
            "plate_no": v["plate_no"],
            "service_type": stype,
            "priority": rnd.choices(["low", "normal", "high", "critical"], [20, 52, 20, 8])[0],
            "wo_status": st,
            "opened_at": ts(opened),
            "closed_at": None if closed is None else ts(closed),
            "odometer_reading": int(v["odometer_mi"]) - rnd.randint(0, 60000) if int(v["odometer_mi"]) > 60000 else rnd.randint(50, int(v["odometer_mi"])),
            "labor_hrs": hrs,
            "labor_cost_usd": round(hrs * rate, 2),
            "parts_cost": parts,
            "downtime_days": None if closed is None else max(0, (closed - opened).days),
            "is_warranty": b(warranty),
            "is_unscheduled": b(stype in ("Engine Repair", "Transmission", "Electrical", "Body Work") or rnd.random() < 0.15),
            "vendor_name": vendor,
            "mechanic": None if vendor else rnd.choice(mechanics),
            "tech_notes": rnd.choice(notes[stype]) if rnd.random() < 0.45 else None,
        })
    write("fleet", "work_orders", rows)


def saas():
    rnd = random.Random(9157)
    pre = ["Blue", "North", "Bright", "Iron", "Silver", "Quantum", "Cedar", "Harbor", "Summit", "Nova", "Pine",
           "Atlas", "Vertex", "Copper", "Lumen", "Orbit", "Granite", "Maple", "Sterling", "Crescent"]
    suf = ["Labs", "Logistics", "Health", "Analytics", "Foods", "Media", "Robotics", "Capital", "Retail",
           "Energy", "Systems", "Studios", "Partners", "Dynamics"]
    industries = ["Healthcare", "Retail", "Fintech", "Manufacturing", "Education", "Media"]
    tiers = {"Starter": (29, 1, 5), "Growth": (12, 3, 25), "Business": (25, 10, 120), "Enterprise": (45, 50, 900)}
    csms = ["Priyanka Shah", "Derek Olsen", "Maya Lindholm", "Carlos Ibarra", "Eun-ji Seo"]
    subs = []
    names = set()
    for i in range(1, 261):
        while True:
            n = f"{rnd.choice(pre)} {rnd.choice(suf)}"
            if rnd.random() < 0.25:
                n += rnd.choice([" Inc", " LLC", " GmbH", " Ltd"])
            if n not in names:
                names.add(n)
                break
        tier = rnd.choices(list(tiers), [38, 32, 20, 10])[0]
        unit, lo, hi = tiers[tier]
        seats = rnd.randint(lo, hi)
        cycle = rnd.choices(["monthly", "annual"], [62, 38])[0] if tier != "Enterprise" else "annual"
        started = AS_OF - dt.timedelta(days=rnd.randint(30, 1300))
        canceled = None
        if rnd.random() < 0.28:
            canceled = started + dt.timedelta(days=rnd.randint(25, (AS_OF - started).days - 1))
        mrr = round(unit * (seats if tier != "Starter" else 1) * (0.85 if cycle == "annual" else 1.0), 2)
        subs.append({
            "sub_id": 1000 + i,
            "account_name": n,
            "plan_tier": tier,
            "billing_cycle": cycle,
            "seats": seats,
            "mrr": mrr,
            "region": rnd.choices(["NA", "EMEA", "APAC", "LATAM"], [42, 32, 16, 10])[0],
            "industry": rnd.choice(industries),
            "started_on": day(started),
            "canceled_on": None if canceled is None else day(canceled),
            "is_auto_renew": b(rnd.random() < 0.7),
            "csm_owner": rnd.choice(csms) if tier in ("Business", "Enterprise") or rnd.random() < 0.2 else None,
            "billing_email": None if rnd.random() < 0.12 else f"billing@{n.split()[0].lower()}{n.split()[1].lower()}.example",
        })
    write("saas", "subscriptions", subs)
    memos = ["annual prepay, net 30", "seat true-up for added users", "proration after plan upgrade",
             "credit applied for outage in region", "PO number required on invoice", "tax exempt certificate on file",
             "customer disputes seat count", "reissued with corrected billing address"]
    rows = []
    for i in range(1, 2701):
        s = rnd.choice(subs)
        start = dt.datetime.strptime(s["started_on"], "%Y-%m-%d")
        end = dt.datetime.strptime(s["canceled_on"], "%Y-%m-%d") if s["canceled_on"] else AS_OF - dt.timedelta(days=1)
        issued = start + dt.timedelta(days=int((end - start).days * (rnd.random() ** 0.75)))
        if issued >= AS_OF:
            issued = AS_OF - dt.timedelta(days=1)
        age = (AS_OF - issued).days
        terms = rnd.choice([15, 30, 30, 30, 45])
        due = issued + dt.timedelta(days=terms)
        prorated = rnd.random() < 0.12
        base = float(s["mrr"]) * (12 if s["billing_cycle"] == "annual" else 1)
        subtotal = round(base * (rnd.uniform(0.2, 0.9) if prorated else 1.0) * rnd.uniform(0.95, 1.1), 2)
        disc = rnd.choices([0, 5, 10, 15, 20], [62, 10, 14, 8, 6])[0]
        tax = round(subtotal * (1 - disc / 100) * (0.0 if s["region"] == "APAC" and rnd.random() < 0.5 else rnd.choice([0.07, 0.08, 0.19, 0.2])), 2)
        total = round(subtotal * (1 - disc / 100) + tax, 2)
        if age == 0 and rnd.random() < 0.5:
            status = "draft"
        elif due >= AS_OF:
            status = rnd.choices(["open", "paid", "void"], [55, 42, 3])[0]
        else:
            status = rnd.choices(["paid", "past_due", "void", "uncollectible"], [86, 7, 4, 3])[0]
        paid_at = None
        if status == "paid":
            paid_at = issued + dt.timedelta(hours=rnd.uniform(1, 24 * (terms + (12 if rnd.random() < 0.15 else 0))))
            if paid_at >= AS_OF:
                paid_at = None
                status = "open" if due >= AS_OF else "past_due"
        late = None
        if paid_at is not None:
            late = max(0, (paid_at - due).days)
        elif status == "past_due":
            late = (AS_OF - due).days
        rows.append({
            "invoice_no": f"INV-{20000 + i:06d}",
            "sub_id": s["sub_id"],
            "account_name": s["account_name"],
            "inv_status": status,
            "issued_dt": day(issued),
            "due_dt": day(due),
            "paid_at": None if paid_at is None else ts(paid_at),
            "subtotal_usd": f"{subtotal:.2f}",
            "discount_pct": disc,
            "tax_amt": f"{tax:.2f}",
            "total_usd": f"{total:.2f}",
            "line_items": rnd.randint(1, 6),
            "pay_method": None if paid_at is None else rnd.choices(["card", "ach", "wire", "paypal"], [50, 25, 18, 7])[0],
            "days_late": late,
            "is_prorated": b(prorated),
            "memo": rnd.choice(memos) if rnd.random() < 0.25 else None,
        })
    write("saas", "invoices", rows)


if __name__ == "__main__":
    elearning()
    fleet()
    saas()
