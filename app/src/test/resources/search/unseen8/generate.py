#!/usr/bin/env python3
"""Generates three fresh unseen schemas for the search evaluation (energy, carrental, vetclinic) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00; every event that happened (installed, removed,
read, billed, picked up, returned, visited, paid) ends before it; only return due dates and
follow-up due dates reach past it): rerun it only on purpose, then re-check the golds
(Unseen8SchemasEvalTest.every_gold_runs_and_returns_rows).
  energy/     meters (220), meter_readings (2,900)
  carrental/  rental_agreements (2,400)
  vetclinic/  vet_visits (2,100)
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


FIRST = ["Adaeze", "Bjorn", "Carmen", "Desmond", "Esther", "Farid", "Greta", "Hiroshi", "Imani", "Joaquin",
         "Kirsten", "Luca", "Mariam", "Niall", "Olga", "Priya", "Quentin", "Renata", "Sipho", "Tamsin",
         "Umar", "Valeria", "Wyatt", "Ximena", "Yusuf", "Zofia"]
LAST = ["Achterberg", "Brennan", "Castillo", "Delacroix", "Eze", "Fitzgerald", "Grünewald", "Halvorsen",
        "Ibarra", "Jovanovic", "Kapoor", "Lindholm", "McAllister", "Nakamura", "Osei", "Pellegrini",
        "Quigley", "Rossetti", "Sandoval", "Thorne", "Underwood", "Vasquez", "Whitfield", "Yamamoto"]
PEOPLE = [f"{f} {l}" for f in FIRST for l in LAST]


def energy():
    rnd = random.Random(8101)
    prefixes = ["Harbor", "Summit", "Maple", "Ironwood", "Bluewater", "Cedar", "Granite", "Northgate", "Riverside",
                "Sunrise", "Oakridge", "Pinecrest", "Redstone", "Silverline", "Westfield", "Lakeshore", "Copper",
                "Fairview", "Kingsley", "Meadow"]
    kinds = {"Residential": ["Apartments", "Townhomes", "Residence", "Cottages"],
             "Commercial": ["Bakery", "Dental Group", "Hardware", "Fitness", "Cafe", "Law Offices"],
             "Industrial": ["Cold Storage", "Metalworks", "Plastics", "Bottling Plant"],
             "Municipal": ["Library", "Water Works", "Fire Station", "Community Center"]}
    regions = ["North", "South", "East", "West", "Central"]
    meters = []
    used = set()
    for i in range(1, 221):
        seg = rnd.choices(list(kinds), [45, 30, 13, 12])[0]
        while True:
            name = f"{rnd.choice(prefixes)} {rnd.choice(kinds[seg])}"
            if name in used:
                name = f"{name} {rnd.choice(['II', 'East', 'West', 'Annex', 'Plaza', 'Unit B', 'Unit C'])}"
            if name not in used:
                used.add(name)
                break
        tariff = rnd.choices(["flat_rate", "time_of_use", "demand_charge", "ev_night", "net_metering"],
                             [40, 25, 15 if seg != "Residential" else 2, 10, 12])[0]
        installed = AS_OF - dt.timedelta(days=rnd.randint(40, 3600))
        removed = None
        if (AS_OF - installed).days > 400 and rnd.random() < 0.12:
            removed = installed + dt.timedelta(days=rnd.randint(200, (AS_OF - installed).days - 30))
        kw = {"Residential": rnd.uniform(5, 25), "Commercial": rnd.uniform(20, 150),
              "Industrial": rnd.uniform(150, 900), "Municipal": rnd.uniform(30, 250)}[seg]
        meters.append({
            "meter_id": 1000 + i,
            "site_name": name,
            "segment": seg,
            "tariff_cd": tariff,
            "region": rnd.choices(regions, [24, 20, 18, 22, 16])[0],
            "meter_model": rnd.choices(["smart_ami", "amr", "legacy_analog"], [60, 28, 12])[0],
            "install_dt": day(installed),
            "removed_dt": None if removed is None else day(removed),
            "has_solar_pv": "true" if rnd.random() < (0.35 if tariff == "net_metering" else 0.1) or tariff == "net_metering" else "false",
            "contract_kw": round(kw, 1),
            "ct_multiplier": rnd.choice([1, 1, 1, 10, 20, 40]) if seg in ("Industrial", "Municipal") else 1,
            "acct_contact_email": None if rnd.random() < 0.18 else f"billing{i}@{name.split()[0].lower()}-{i}.example",
        })
    write("energy", "meters", meters)
    comments = ["gate locked, estimated", "dog in yard", "meter glass cracked", "customer read via app",
                "seal broken, reported", "access through rear alley", "display faded, reread scheduled",
                "reading confirmed with tenant"]
    techs = ["Rhea Solberg", "Marcus Dunleavy", "Ines Okonkwo", "Pavel Hrubý", "Tina Marsh", "Deon Kaplan"]
    rows = []
    for i in range(1, 2901):
        m = rnd.choice(meters)
        start = dt.datetime.strptime(m["install_dt"], "%Y-%m-%d")
        end = dt.datetime.strptime(m["removed_dt"], "%Y-%m-%d") if m["removed_dt"] else AS_OF
        span = max(1.0, min((end - start).total_seconds() / 86400, 900))
        read = end - dt.timedelta(days=span * (rnd.random() ** 1.3)) - dt.timedelta(seconds=rnd.randint(60, 70000))
        if read < start:
            read = start + dt.timedelta(hours=rnd.randint(8, 40))
        seg = m["segment"]
        base = {"Residential": 650, "Commercial": 6000, "Industrial": 60000, "Municipal": 12000}[seg]
        kwh = round(base * rnd.lognormvariate(0, 0.45), 1)
        rtype = rnd.choices(["actual", "estimated", "customer_submitted", "reread"], [72, 16, 7, 5])[0]
        age = (AS_OF - read).days
        if age < 4:
            status = rnd.choices(["unbilled", "billed"], [80, 20])[0]
        else:
            status = rnd.choices(["unbilled", "billed", "disputed", "adjusted"], [4, 82, 6, 8])[0]
        billed = None
        if status != "unbilled":
            billed = read + dt.timedelta(days=rnd.uniform(1, 5))
            if billed >= AS_OF:
                billed = AS_OF - dt.timedelta(minutes=rnd.randint(10, 900))
        rate = {"flat_rate": 0.14, "time_of_use": 0.12, "demand_charge": 0.09, "ev_night": 0.11,
                "net_metering": 0.13}[m["tariff_cd"]]
        peak = round(kwh / rnd.uniform(180, 420), 2)
        demand = round(peak * rnd.uniform(8, 14), 2) if m["tariff_cd"] == "demand_charge" else 0.0
        export = round(kwh * rnd.uniform(0.05, 0.6), 1) if m["has_solar_pv"] == "true" else None
        rows.append({
            "read_id": 500000 + i,
            "meter_id": m["meter_id"],
            "site_name": m["site_name"],
            "region": m["region"],
            "read_ts": ts(read),
            "read_type": rtype,
            "bill_status": status,
            "kwh_used": kwh,
            "kwh_exported": export,
            "peak_demand_kw": peak,
            "outage_mins": rnd.choices([0, rnd.randint(1, 60), rnd.randint(61, 900)], [78, 15, 7])[0],
            "charge_usd": round(kwh * rate + demand, 2),
            "billed_at": None if billed is None else ts(billed),
            "tamper_flag": "true" if rnd.random() < 0.03 else "false",
            "technician": rnd.choice(techs) if rtype in ("actual", "reread") and rnd.random() < 0.7 else None,
            "reader_comment": rnd.choice(comments) if rnd.random() < 0.22 else None,
        })
    rows.sort(key=lambda r: r["read_ts"])
    for n, r in enumerate(rows, 1):
        r["read_id"] = 500000 + n
    write("energy", "meter_readings", rows)


def carrental():
    rnd = random.Random(8202)
    branches = ["Denver Airport", "Denver Union Station", "Austin Airport", "Austin Downtown", "Phoenix Sky Harbor",
                "Salt Lake City Airport", "Boise Downtown", "Albuquerque Sunport"]
    classes = ["economy", "compact", "midsize", "full_size", "suv", "minivan", "luxury"]
    rate = {"economy": 38, "compact": 44, "midsize": 52, "full_size": 61, "suv": 78, "minivan": 84, "luxury": 139}
    channels = ["Website", "Mobile App", "Travel Agent", "Walk-in", "Corporate Portal"]
    notes = ["scratch on rear bumper", "windshield chip", "cigarette smell, cleaning fee", "dent on driver door",
             "curb rash on front wheel", "interior stain on back seat", "missing fuel cap"]
    promos = ["SPRING10", "WEEKEND15", "CORP22", "LOYAL5", "SKI2026"]
    rows = []
    for i in range(1, 2401):
        pickup = AS_OF - dt.timedelta(days=880 * (rnd.random() ** 1.25)) - dt.timedelta(seconds=rnd.randint(60, 80000))
        pickup = pickup.replace(minute=rnd.choice([0, 15, 30, 45]), second=0)
        days = rnd.choices([1, 2, 3, 4, 5, 7, 10, 14, 21], [12, 18, 20, 14, 10, 12, 6, 5, 3])[0]
        due = (pickup + dt.timedelta(days=days)).date()
        cls = rnd.choices(classes, [16, 18, 20, 12, 20, 7, 7])[0]
        pb = rnd.choices(branches, [22, 8, 18, 9, 16, 12, 7, 8])[0]
        one_way = rnd.random() < 0.12
        rb = rnd.choice([b for b in branches if b != pb]) if one_way else pb
        age = (AS_OF - pickup).total_seconds() / 86400
        if age < days:
            status = rnd.choices(["on_rent", "cancelled", "no_show"], [88, 8, 4])[0]
        else:
            status = rnd.choices(["returned", "cancelled", "no_show", "on_rent"], [86, 8, 5, 1])[0]
        drate = round(rate[cls] * rnd.uniform(0.85, 1.35), 2)
        returned = None
        miles = None
        dmg = None
        note = None
        total = 0.0
        if status == "returned":
            returned = pickup + dt.timedelta(days=days + rnd.choice([0, 0, 0, 0, -1, 1]), hours=rnd.uniform(-5, 5))
            if returned <= pickup:
                returned = pickup + dt.timedelta(hours=rnd.randint(6, 20))
            if returned >= AS_OF:
                returned = AS_OF - dt.timedelta(minutes=rnd.randint(30, 2000))
            miles = int(days * rnd.uniform(40, 260)) + (rnd.randint(300, 900) if one_way else 0)
            if rnd.random() < 0.08:
                note = rnd.choice(notes)
                dmg = round(rnd.uniform(75, 2400), 2)
            total = drate * days + (dmg or 0) + (round(rnd.uniform(90, 250), 2) if one_way else 0)
        elif status == "on_rent":
            total = drate * days
        elif status == "no_show":
            total = 50.0
        cdw = rnd.random() < (0.45 if cls in ("luxury", "suv") else 0.3)
        if cdw and status in ("returned", "on_rent"):
            total += 24.0 * days
        rows.append({
            "agreement_no": None,
            "renter_name": rnd.choice(PEOPLE),
            "renter_email": None if rnd.random() < 0.1 else f"renter{i}@mail{rnd.randint(1, 9)}.example",
            "loyalty_no": None if rnd.random() < 0.58 else f"GR{rnd.randint(100000, 999999)}",
            "pickup_branch": pb,
            "return_branch": rb,
            "car_class": cls,
            "booking_channel": rnd.choices(channels, [38, 24, 9, 12, 17])[0],
            "ra_status": status,
            "pickup_ts": ts(pickup),
            "return_due_dt": due.isoformat(),
            "returned_ts": None if returned is None else ts(returned),
            "rental_days": days,
            "miles_driven": miles,
            "fuel_out_pct": rnd.choice([100, 100, 100, 75, 50]),
            "daily_rate": drate,
            "damage_fee_usd": dmg,
            "total_chg_usd": round(total, 2),
            "cdw_purchased": "true" if cdw else "false",
            "is_one_way": "true" if one_way else "false",
            "promo_cd": rnd.choice(promos) if rnd.random() < 0.14 else None,
            "damage_notes": note,
        })
    rows.sort(key=lambda r: r["pickup_ts"])
    for n, r in enumerate(rows, 1):
        r["agreement_no"] = f"RA-{40000 + n:05d}"
    write("carrental", "rental_agreements", rows)


def vetclinic():
    rnd = random.Random(8303)
    species_w = {"Dog": 48, "Cat": 36, "Rabbit": 6, "Bird": 5, "Reptile": 5}
    pets = {"Dog": ["Biscuit", "Luna", "Max", "Pepper", "Rocky", "Daisy", "Bear", "Maple", "Juno", "Otis"],
            "Cat": ["Mochi", "Whiskers", "Tigger", "Cleo", "Simba", "Nala", "Oliver", "Pumpkin"],
            "Rabbit": ["Thumper", "Clover", "Hazel"], "Bird": ["Kiwi", "Sunny", "Rio"],
            "Reptile": ["Spike", "Ziggy", "Gecko"]}
    reasons = ["wellness_exam", "vaccination", "dental", "surgery", "emergency", "follow_up", "dermatology"]
    fee = {"wellness_exam": 85, "vaccination": 60, "dental": 420, "surgery": 1350, "emergency": 780,
           "follow_up": 55, "dermatology": 190}
    vets = ["Dr. Amara Lindqvist", "Dr. Ben Hollis", "Dr. Chiara Russo", "Dr. Dev Anand", "Dr. Elsa Nyberg",
            "Dr. Femi Adeyemi"]
    notes = {"wellness_exam": ["healthy, weight stable", "mild tartar noted", "recommend weight loss diet"],
             "vaccination": ["rabies booster given", "distemper combo given", "mild lethargy after shot"],
             "dental": ["two extractions", "scale and polish", "gingivitis treated"],
             "surgery": ["spay, no complications", "mass removal sent to lab", "cruciate ligament repair"],
             "emergency": ["ate chocolate, induced vomiting", "hit by car, fractured leg", "bloat, stabilized"],
             "follow_up": ["sutures removed", "healing well", "recheck bloodwork"],
             "dermatology": ["allergic dermatitis", "ear infection, drops prescribed", "hot spot treated"]}
    owners = PEOPLE[:]
    rows = []
    for i in range(1, 2101):
        sp = rnd.choices(list(species_w), list(species_w.values()))[0]
        reason = rnd.choices(reasons, [26, 20, 9, 7, 10, 18, 10])[0]
        visit = AS_OF - dt.timedelta(days=700 * (rnd.random() ** 1.2)) - dt.timedelta(seconds=rnd.randint(60, 50000))
        visit = visit.replace(hour=rnd.randint(8, 18), minute=rnd.choice([0, 10, 20, 30, 40, 50]), second=0)
        if visit >= AS_OF:
            visit -= dt.timedelta(days=1)
        age = (AS_OF - visit).days
        amt = round(fee[reason] * rnd.lognormvariate(0, 0.35), 2)
        insured = rnd.random() < 0.27
        if age < 3:
            pay = rnd.choices(["paid", "pending", "insurance_claim"], [55, 35, 10])[0]
        else:
            pay = rnd.choices(["paid", "pending", "insurance_claim", "written_off"], [78, 6, 13 if insured else 2, 3])[0]
        wt = {"Dog": rnd.uniform(3, 45), "Cat": rnd.uniform(2.5, 8), "Rabbit": rnd.uniform(1, 3),
              "Bird": rnd.uniform(0.05, 1.2), "Reptile": rnd.uniform(0.1, 4)}[sp]
        fu = None
        if reason in ("surgery", "emergency", "dental", "dermatology") and rnd.random() < 0.8:
            fu = (visit + dt.timedelta(days=rnd.choice([7, 10, 14, 21]))).date().isoformat()
        rows.append({
            "visit_id": 0,
            "pet_name": rnd.choice(pets[sp]),
            "species": sp,
            "owner_name": rnd.choice(owners),
            "owner_email": None if rnd.random() < 0.2 else f"owner{i}@petmail.example",
            "owner_phone": None if rnd.random() < 0.09 else f"555-{rnd.randint(100, 999)}-{rnd.randint(1000, 9999)}",
            "visit_ts": ts(visit),
            "visit_reason": reason,
            "attending_vet": rnd.choices(vets, [22, 18, 17, 16, 15, 12])[0],
            "pay_status": pay,
            "pet_age_yrs": round(rnd.uniform(0.2, 16 if sp in ("Dog", "Cat") else 9), 1),
            "weight_kg": round(wt, 2),
            "invoice_amt": amt,
            "rx_count": rnd.choices([0, 1, 2, 3, 4], [40, 30, 16, 9, 5])[0],
            "wait_min": rnd.randint(0, 55),
            "is_new_client": "true" if rnd.random() < 0.15 else "false",
            "has_pet_insurance": "true" if insured else "false",
            "microchip_no": None if rnd.random() < 0.3 else f"9851{rnd.randint(10**10, 10**11 - 1)}",
            "followup_due_dt": fu,
            "clinical_notes": rnd.choice(notes[reason]) if rnd.random() < 0.85 else None,
        })
    rows.sort(key=lambda r: r["visit_ts"])
    for n, r in enumerate(rows, 1):
        r["visit_id"] = 70000 + n
    write("vetclinic", "vet_visits", rows)


if __name__ == "__main__":
    energy()
    carrental()
    vetclinic()
