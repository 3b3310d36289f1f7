#!/usr/bin/env python3
"""Generates three fresh unseen schemas for the search evaluation (airline, adspend, permits) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00; every event that happened ends before it):
rerun it only on purpose, then re-check the golds (Unseen9SchemasEvalTest.every_gold_runs_and_returns_rows).
  airline/  routes (180), bookings (2,600)
  adspend/  ad_campaigns (1,500)
  permits/  building_permits (2,200)
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


FIRST = ["Adaeze", "Bjorn", "Chiara", "Diego", "Esme", "Farid", "Greta", "Hiro", "Imani", "Jakub", "Kavya",
         "Leon", "Mirela", "Nils", "Olga", "Priya", "Quentin", "Rania", "Santiago", "Tove", "Uma", "Vikram",
         "Wiebke", "Xavier", "Yusuf", "Zoe"]
LAST = ["Achebe", "Brandt", "Castillo", "Dahl", "Engel", "Fontaine", "Grieve", "Haddad", "Iqbal", "Jansen",
        "Kaur", "Lambert", "Mensah", "Nakamura", "Oyelaran", "Pereira", "Quinn", "Rossi", "Sandoval",
        "Thorsen", "Ueda", "Vasquez", "Whitlock", "Yilmaz"]
NAMES = [f"{f} {l}" for f in FIRST for l in LAST]


def airline():
    rnd = random.Random(907)
    hubs = ["JFK", "ORD", "ATL", "DFW", "DEN", "SEA", "LAX"]
    intl = ["LHR", "CDG", "NRT", "MEX", "YYZ", "FRA"]
    aircraft = ["A320", "A321neo", "B737-800", "B787-9", "E175"]
    seats = {"A320": 150, "A321neo": 196, "B737-800": 166, "B787-9": 290, "E175": 76}
    managers = ["Dana Whitfield", "Marco Ruiz", "Anouk Visser", "Tariq Bello"]
    routes = []
    for i in range(1, 181):
        origin = rnd.choice(hubs)
        international = rnd.random() < 0.28
        dest = rnd.choice(intl) if international else rnd.choice([h for h in hubs if h != origin])
        ac = "B787-9" if international and rnd.random() < 0.6 else rnd.choices(aircraft[:3] + ["E175"], [30, 20, 30, 20])[0]
        dist = rnd.randint(3200, 6900) if international else rnd.randint(180, 2600)
        launched = AS_OF - dt.timedelta(days=rnd.randint(20, 2400))
        disc = None
        if (AS_OF - launched).days > 200 and rnd.random() < 0.15:
            disc = launched + dt.timedelta(days=rnd.randint(100, (AS_OF - launched).days - 5))
        routes.append({
            "route_id": i,
            "flight_no": f"NB{100 + i * 7 + rnd.randint(0, 6)}",
            "origin": origin,
            "destination": dest,
            "aircraft_type": ac,
            "seat_capacity": seats[ac],
            "distance_mi": dist,
            "base_fare_usd": round(60 + dist * rnd.uniform(0.09, 0.16), 2),
            "avg_load_factor": round(rnd.uniform(0.55, 0.97), 3),
            "on_time_pct": round(rnd.uniform(62, 96), 1),
            "weekly_freq": rnd.choice([3, 5, 7, 7, 10, 14, 21]),
            "is_international": "true" if international else "false",
            "is_codeshare": "true" if rnd.random() < 0.22 else "false",
            "launched_on": day(launched),
            "discontinued_on": None if disc is None else day(disc),
            "route_manager": None if rnd.random() < 0.2 else rnd.choice(managers),
        })
    write("airline", "routes", routes)
    live = [r for r in routes if r["discontinued_on"] is None]
    cabins = ["economy", "premium_economy", "business", "first"]
    mult = {"economy": 1.0, "premium_economy": 1.6, "business": 3.2, "first": 5.5}
    channels = ["Website", "Mobile App", "Travel Agent", "Call Center", "OTA"]
    requests = ["wheelchair assistance at the gate", "vegetarian meal", "traveling with an infant",
                "window seat please", "gluten free meal", "pet in cabin", "extra legroom if possible",
                "unaccompanied minor"]
    rows = []
    for i in range(1, 2601):
        r = rnd.choice(live)
        booked = AS_OF - dt.timedelta(days=700 * (rnd.random() ** 1.5)) - dt.timedelta(seconds=rnd.randint(120, 86000))
        lead = rnd.choices([rnd.randint(0, 6), rnd.randint(7, 30), rnd.randint(31, 120)], [20, 45, 35])[0]
        dep = (booked + dt.timedelta(days=lead)).date()
        cabin = rnd.choices(cabins, [70, 14, 12, 4])[0] if r["is_international"] == "true" else rnd.choices(cabins[:3], [80, 12, 8])[0]
        departed = dt.datetime.combine(dep, dt.time()) < AS_OF
        if not departed:
            status = rnd.choices(["confirmed", "checked_in", "canceled"], [80, 8, 12])[0]
            if status == "checked_in" and (dt.datetime.combine(dep, dt.time()) - AS_OF).days > 1:
                status = "confirmed"
        else:
            status = rnd.choices(["flown", "canceled", "no_show"], [84, 11, 5])[0]
        canceled = None
        if status == "canceled":
            canceled = booked + dt.timedelta(hours=rnd.uniform(1, max(2, lead * 24)))
            if canceled >= AS_OF:
                canceled = AS_OF - dt.timedelta(minutes=rnd.randint(10, 900))
        checked = None
        if status in ("flown", "checked_in"):
            checked = dt.datetime.combine(dep, dt.time()) - dt.timedelta(hours=rnd.uniform(2, 23))
            if checked >= AS_OF:
                checked = AS_OF - dt.timedelta(minutes=rnd.randint(10, 600))
        fare = round(float(r["base_fare_usd"]) * mult[cabin] * rnd.uniform(0.6, 1.8), 2)
        rows.append({
            "booking_id": 400000 + i,
            "pnr": "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
            "flight_no": r["flight_no"],
            "origin": r["origin"],
            "destination": r["destination"],
            "passenger_name": rnd.choice(NAMES),
            "passenger_email": None if rnd.random() < 0.1 else f"pax{i}@{rnd.choice(['gmail.com', 'outlook.com', 'yahoo.com', 'proton.me'])}",
            "cabin": cabin,
            "booking_channel": rnd.choices(channels, [40, 25, 12, 8, 15])[0],
            "booking_status": status,
            "fare_usd": fare,
            "taxes_usd": round(fare * rnd.uniform(0.08, 0.2), 2),
            "bags_checked": rnd.choices([0, 1, 2, 3], [35, 40, 20, 5])[0],
            "party_size": rnd.choices([1, 2, 3, 4, 5], [55, 25, 10, 7, 3])[0],
            "loyalty_tier": rnd.choices([None, "Silver", "Gold", "Platinum"], [55, 25, 14, 6])[0],
            "booked_at": ts(booked),
            "departure_dt": dep.isoformat(),
            "checked_in_at": None if checked is None else ts(checked),
            "canceled_at": None if canceled is None else ts(canceled),
            "is_refundable": "true" if rnd.random() < 0.25 else "false",
            "seat_upgraded": "true" if rnd.random() < 0.09 else "false",
            "special_request": rnd.choice(requests) if rnd.random() < 0.14 else None,
        })
    write("airline", "bookings", rows)


def adspend():
    rnd = random.Random(313)
    channels = ["Google Search", "Meta", "TikTok", "LinkedIn", "YouTube", "Microsoft Ads"]
    objectives = ["awareness", "traffic", "lead_gen", "conversions", "app_installs"]
    markets = ["US", "UK", "DE", "FR", "CA", "AU"]
    owners = ["Bea Hollis", "Karim Aziz", "Lotte de Vries", "Sam Okonkwo", "Priscila Mota"]
    themes = ["Black Friday", "Spring Sale", "Back to School", "Brand Lift", "Free Trial", "Webinar Promo",
              "Summer Clearance", "Holiday Gifting", "New Arrivals", "Loyalty Rewards", "Retargeting Cart",
              "Product Launch"]
    products = ["Trail Runner X", "Aero Jacket", "Cloud Sneaker", "Pro Backpack", "Smart Bottle", "Yoga Mat Plus",
                "Summit Boots", "City Tote"]
    copies = ["limited time: 30% off everything", "free shipping on orders over $50", "try it free for 14 days",
              "new colors just dropped", "join 10,000 happy customers", "last chance, sale ends sunday",
              "book a demo with our team"]
    rows = []
    for i in range(1, 1501):
        ch = rnd.choices(channels, [30, 28, 12, 10, 12, 8])[0]
        obj = rnd.choices(objectives, [15, 20, 20, 35, 10])[0]
        launched = AS_OF - dt.timedelta(days=720 * (rnd.random() ** 1.3)) - dt.timedelta(seconds=rnd.randint(60, 86000))
        start = launched.date() + dt.timedelta(days=rnd.choice([0, 0, 1, 2]))
        length = rnd.choice([7, 14, 21, 30, 45, 60, 90])
        end = start + dt.timedelta(days=length)
        age = (AS_OF - launched).days
        if end < AS_OF.date():
            status = rnd.choices(["completed", "paused", "rejected"], [85, 11, 4])[0]
        else:
            status = rnd.choices(["active", "paused", "rejected"], [82, 13, 5])[0]
        run_days = max(1, min(length, age)) if status != "rejected" else 0
        budget = round(rnd.choice([500, 1000, 2500, 5000, 7500, 10000, 20000, 50000]) * rnd.uniform(0.9, 1.1), 2)
        spend = round(budget * rnd.uniform(0.4, 1.05) * run_days / length, 2) if run_days else 0.0
        cpm = {"Google Search": 38, "Meta": 11, "TikTok": 8, "LinkedIn": 55, "YouTube": 14, "Microsoft Ads": 30}[ch]
        impressions = int(spend / cpm * 1000 * rnd.uniform(0.7, 1.3))
        ctr = {"Google Search": 0.04, "Meta": 0.011, "TikTok": 0.009, "LinkedIn": 0.006, "YouTube": 0.005, "Microsoft Ads": 0.035}[ch]
        clicks = int(impressions * ctr * rnd.uniform(0.5, 1.6))
        conversions = int(clicks * rnd.uniform(0.005, 0.08))
        revenue = round(conversions * rnd.uniform(25, 140), 2) if obj in ("conversions", "traffic") else (round(conversions * rnd.uniform(10, 60), 2) if rnd.random() < 0.5 else None)
        paused = None
        if status == "paused":
            paused = launched + dt.timedelta(days=rnd.uniform(1, max(1.5, min(length, age))))
            if paused >= AS_OF:
                paused = AS_OF - dt.timedelta(minutes=rnd.randint(10, 900))
        theme = rnd.choice(themes)
        rows.append({
            "campaign_id": 7000 + i,
            "campaign_name": f"{theme} - {rnd.choice(products)} {rnd.choice(markets)} {start.strftime('%y%m')}-{i}",
            "channel": ch,
            "objective": obj,
            "market": rnd.choices(markets, [40, 18, 12, 10, 12, 8])[0],
            "campaign_status": status,
            "budget_usd": budget,
            "spend_usd": spend,
            "impressions": impressions,
            "clicks": clicks,
            "conversions": conversions,
            "revenue_usd": revenue,
            "cpc_bid": round(rnd.uniform(0.3, 6.5), 2),
            "start_date": start.isoformat(),
            "end_date": None if status == "active" and rnd.random() < 0.3 else end.isoformat(),
            "launched_at": ts(launched),
            "paused_at": None if paused is None else ts(paused),
            "is_retargeting": "true" if "Retargeting" in theme or rnd.random() < 0.15 else "false",
            "is_ab_test": "true" if rnd.random() < 0.2 else "false",
            "owner": None if rnd.random() < 0.12 else rnd.choice(owners),
            "utm_campaign": None if rnd.random() < 0.3 else theme.lower().replace(" ", "_") + f"_{i}",
            "ad_copy": rnd.choice(copies) if rnd.random() < 0.7 else None,
        })
    write("adspend", "ad_campaigns", rows)


def permits():
    rnd = random.Random(521)
    types = ["New Construction", "Addition", "Alteration", "Demolition", "Electrical", "Plumbing", "Roofing"]
    districts = ["Northside", "Riverside", "Downtown", "Eastgate", "Westfield", "Hillcrest"]
    reviewers = ["J. Okafor", "M. Lindgren", "R. Castellano", "T. Nguyen", "S. Abernathy"]
    contractors = ["Bluestone Builders", "Keel & Sons Construction", "Apex Roofing Co", "Brightline Electric",
                   "Cedar Ridge Homes", "Pipeworks Plumbing", "Granite Peak GC", "Harbor Demolition",
                   "Northgate Renovations", "Sunvale Construction"]
    works = {
        "New Construction": ["new single family dwelling with detached garage", "new 4-unit townhouse",
                             "new retail building shell", "new accessory dwelling unit in rear yard"],
        "Addition": ["second story addition over garage", "rear kitchen addition", "sunroom addition"],
        "Alteration": ["kitchen remodel, remove load bearing wall", "bathroom remodel", "tenant improvement for restaurant",
                       "basement finish with egress window"],
        "Demolition": ["demolish fire damaged garage", "demolish single family dwelling", "interior demolition only"],
        "Electrical": ["200 amp panel upgrade", "ev charger install", "rooftop solar pv system"],
        "Plumbing": ["water heater replacement", "sewer lateral replacement", "repipe whole house"],
        "Roofing": ["tear off and reroof, asphalt shingles", "flat roof membrane replacement", "reroof after hail damage"],
    }
    cost = {"New Construction": 420000, "Addition": 110000, "Alteration": 60000, "Demolition": 25000,
            "Electrical": 9000, "Plumbing": 7000, "Roofing": 16000}
    rows = []
    for i in range(1, 2201):
        ptype = rnd.choices(types, [10, 10, 24, 5, 20, 16, 15])[0]
        submitted = AS_OF - dt.timedelta(days=800 * (rnd.random() ** 1.3)) - dt.timedelta(seconds=rnd.randint(60, 86000))
        age = (AS_OF - submitted).days
        if age < 14:
            status = rnd.choices(["submitted", "in_review"], [60, 40])[0]
        elif age < 90:
            status = rnd.choices(["submitted", "in_review", "approved", "issued", "rejected", "withdrawn"], [6, 30, 14, 40, 6, 4])[0]
        else:
            status = rnd.choices(["in_review", "issued", "finaled", "rejected", "withdrawn", "expired"], [3, 22, 55, 7, 5, 8])[0]
        commercial = rnd.random() < (0.35 if ptype in ("New Construction", "Alteration") else 0.15)
        est = round(cost[ptype] * rnd.lognormvariate(0, 0.7) * (2.5 if commercial else 1), 2)
        issued = None
        if status in ("issued", "finaled", "expired"):
            issued = (submitted + dt.timedelta(days=rnd.uniform(3, min(120, max(4, age - 1))))).date()
        final = None
        if status == "finaled":
            final = dt.datetime.combine(issued, dt.time(8)) + dt.timedelta(days=rnd.uniform(5, max(6, (AS_OF.date() - issued).days - 1)), hours=rnd.uniform(0, 8))
            if final >= AS_OF:
                final = AS_OF - dt.timedelta(hours=rnd.uniform(20, 200))
        sqft = rnd.randint(600, 4200) if ptype in ("New Construction", "Addition", "Alteration", "Demolition") else None
        rows.append({
            "permit_no": f"BP-{submitted.year}-{10000 + i:05d}",
            "permit_type": ptype,
            "district": rnd.choices(districts, [22, 18, 20, 15, 14, 11])[0],
            "permit_status": status,
            "applicant_name": rnd.choice(NAMES),
            "contractor_name": None if rnd.random() < 0.22 else rnd.choice(contractors),
            "site_address": f"{rnd.randint(10, 9999)} {rnd.choice(['Oak', 'Maple', 'Elm', 'Pine', 'Birch', 'Walnut', 'Lake', 'Hill', 'Mill', 'Main'])} {rnd.choice(['St', 'Ave', 'Rd', 'Ln', 'Dr'])}",
            "est_cost_usd": est,
            "permit_fee": round(75 + est * 0.012, 2),
            "sq_ft": sqft,
            "num_stories": rnd.choice([1, 1, 2, 2, 3]) if ptype in ("New Construction", "Addition") else None,
            "inspections_failed": rnd.choices([0, 1, 2, 3, 4], [60, 22, 10, 5, 3])[0] if status in ("issued", "finaled", "expired") else 0,
            "submitted_at": ts(submitted),
            "issued_on": None if issued is None else issued.isoformat(),
            "final_inspection_at": None if final is None else ts(final),
            "is_commercial": "true" if commercial else "false",
            "needs_variance": "true" if rnd.random() < 0.07 else "false",
            "reviewer": None if status == "submitted" or rnd.random() < 0.04 else rnd.choice(reviewers),
            "work_description": rnd.choice(works[ptype]),
        })
    write("permits", "building_permits", rows)


if __name__ == "__main__":
    airline()
    adspend()
    permits()
