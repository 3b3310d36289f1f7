#!/usr/bin/env python3
"""Generates three fresh unseen schemas for the search evaluation (hotel, freight, gym) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00): rerun it only on purpose, then re-check the
golds (FreshSchemasEvalTest.every_gold_runs_and_returns_rows).
  hotel/    hotels (30), reservations (2,200)
  freight/  shipments (3,000)
  gym/      memberships (900), class_bookings (2,600)
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


FIRST = ["Amelia", "Ben", "Chloe", "Daniel", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack", "Katie",
         "Liam", "Maya", "Noah", "Olivia", "Priya", "Quentin", "Ruby", "Sam", "Tara", "Umar", "Vera",
         "Will", "Zoe", "Hiroshi", "Lena", "Mateo", "Nora"]
LAST = ["Anderson", "Brooks", "Carter", "Dunn", "Evans", "Fischer", "Hughes", "Iqbal", "Jensen", "Kelly",
        "Larsen", "Murphy", "Nakamura", "O'Brien", "Patel", "Quinn", "Reid", "Schmidt", "Turner", "Walsh"]


def hotel():
    rnd = random.Random(31)
    cities = [("Paris", "France"), ("Lyon", "France"), ("Berlin", "Germany"), ("Munich", "Germany"),
              ("Rome", "Italy"), ("Milan", "Italy"), ("Barcelona", "Spain"), ("Vienna", "Austria"),
              ("Amsterdam", "Netherlands"), ("Prague", "Czechia")]
    brands = ["Grand", "Harbour", "Park", "Central", "Royal", "Garden", "Station", "Riverside"]
    hotels = []
    for i in range(1, 31):
        city, country = cities[i % len(cities)]
        stars = rnd.choices([3, 4, 5], [35, 45, 20])[0]
        name = f"{brands[(i * 3) % len(brands)]} {city}" + ("" if i <= 10 else (" Airport" if i <= 20 else " Old Town"))
        renovated = None if rnd.random() < 0.35 else day(AS_OF - dt.timedelta(days=rnd.randint(30, 3600)))
        hotels.append({
            "hotel_id": i,
            "hotel_name": name,
            "city": city,
            "country": country,
            "star_rating": stars,
            "room_count": rnd.randint(40, 160) + 60 * (stars - 3),
            "opened_year": rnd.randint(1965, 2024),
            "has_spa": "true" if (stars == 5 or rnd.random() < 0.25) else "false",
            "base_rate_eur": f"{60 + 45 * (stars - 3) + rnd.randint(0, 40) + (25 if city in ('Paris', 'Amsterdam') else 0):.2f}",
            "manager_email": None if rnd.random() < 0.15 else f"gm.{city.lower()}{i}@staybright.example",
            "last_renovated_on": renovated,
        })
    write("hotel", "hotels", hotels)
    channels = ["direct", "booking_com", "expedia", "travel_agent", "corporate"]
    room_types = ["standard", "deluxe", "suite", "family"]
    factor = {"standard": 1.0, "deluxe": 1.35, "suite": 2.2, "family": 1.6}
    requests = ["late check-in after 11pm", "high floor please", "extra bed for a child", "quiet room away from lift",
                "airport transfer requested", "celebrating an anniversary", "gluten-free breakfast",
                "early check-in if possible", "parking space needed", "baby cot needed"]
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    res = []
    for i in range(1, 2201):
        h = rnd.choice(hotels)
        if rnd.random() < 0.12:
            check_in = (AS_OF + dt.timedelta(days=rnd.randint(0, 60))).date()
        else:
            check_in = (AS_OF - dt.timedelta(days=int(700 * (rnd.random() ** 1.5)) + 1)).date()
        nights = rnd.choices([1, 2, 3, 4, 5, 7, 10, 14], [28, 26, 18, 10, 8, 6, 3, 1])[0]
        booked = dt.datetime.combine(check_in, dt.time()) - dt.timedelta(days=rnd.randint(0, 120), minutes=rnd.randint(30, 1400))
        if booked >= AS_OF:
            booked = AS_OF - dt.timedelta(minutes=rnd.randint(10, 5000))
        room = rnd.choices(room_types, [50, 28, 8, 14])[0]
        checkout = check_in + dt.timedelta(days=nights)
        if check_in >= AS_OF.date():
            status = rnd.choices(["confirmed", "cancelled"], [88, 12])[0]
        elif checkout > AS_OF.date():
            status = rnd.choices(["checked_in", "cancelled"], [92, 8])[0]
        else:
            status = rnd.choices(["checked_out", "cancelled", "no_show"], [82, 13, 5])[0]
        channel = rnd.choices(channels, [30, 30, 18, 8, 14])[0]
        total = float(h["base_rate_eur"]) * factor[room] * nights * rnd.uniform(0.85, 1.25)
        if status == "cancelled":
            total = 0.0 if rnd.random() < 0.7 else float(h["base_rate_eur"]) * factor[room]
        res.append({
            "reservation_id": 300000 + i,
            "hotel_name": h["hotel_name"],
            "city": h["city"],
            "guest_name": rnd.choice(names),
            "booking_channel": channel,
            "room_type": room,
            "status": status,
            "booked_at": ts(booked),
            "check_in_date": check_in.isoformat(),
            "nights": nights,
            "total_amount_eur": f"{total:.2f}",
            "is_refundable": "true" if rnd.random() < 0.55 else "false",
            "loyalty_number": None if rnd.random() < 0.6 else f"SB{rnd.randint(100000, 999999)}",
            "special_requests": rnd.choice(requests) if rnd.random() < 0.22 else None,
        })
    write("hotel", "reservations", res)


def freight():
    rnd = random.Random(47)
    carriers = {"road": ["DHL Freight", "XPO Logistics", "Girteka", "DSV Road"], "rail": ["DB Cargo", "Rail Cargo Group"],
                "ocean": ["Maersk", "CMA CGM", "Hapag-Lloyd"], "air": ["Lufthansa Cargo", "FedEx Express"]}
    customers = ["Acme Tools", "Northwind Foods", "Bluebird Pharma", "Kestrel Motors", "Orion Textiles",
                 "Granite Building Supply", "Pinewood Furniture", "Solace Electronics", "Harvest Grain Co",
                 "Vista Chemicals"]
    cities = ["Rotterdam", "Hamburg", "Antwerp", "Duisburg", "Lyon", "Milan", "Warsaw", "Gdansk", "Valencia",
              "Felixstowe", "Shanghai", "Singapore", "New York", "Chicago", "Dubai"]
    damage = ["pallet wrap torn", "forklift damage to two cartons", "water damage on arrival", "crushed corner",
              "seal broken, contents complete", "temperature excursion logged"]
    rows = []
    for i in range(1, 3001):
        mode = rnd.choices(list(carriers), [55, 12, 20, 13])[0]
        carrier = rnd.choice(carriers[mode])
        if mode == "road":
            origin, dest = rnd.sample(cities[:10], 2)
        elif mode == "rail":
            origin, dest = rnd.sample(["Duisburg", "Hamburg", "Warsaw", "Milan", "Lyon", "Rotterdam", "Shanghai"], 2)
        else:
            origin, dest = rnd.sample(cities, 2)
        shipped = AS_OF - dt.timedelta(days=600 * (rnd.random() ** 1.5)) - dt.timedelta(seconds=rnd.randint(60, 50000))
        transit = {"road": rnd.uniform(1, 5), "rail": rnd.uniform(4, 18), "ocean": rnd.uniform(12, 40), "air": rnd.uniform(1, 4)}[mode]
        arrival = shipped + dt.timedelta(days=transit)
        if arrival >= AS_OF:
            status = rnd.choices(["in_transit", "delayed"], [85, 15])[0]
            delivered = None
        else:
            status = rnd.choices(["delivered", "delayed", "returned"], [92, 5, 3])[0]
            delivered = ts(arrival) if status != "delayed" else None
            if status == "delayed":
                delivered = None
        weight = round(rnd.uniform(40, 900) if mode == "air" else rnd.uniform(200, 24000), 1)
        pallets = max(1, int(weight / rnd.uniform(350, 700)))
        rate = {"road": 0.11, "rail": 0.07, "ocean": 0.05, "air": 3.2}[mode]
        cost = round(weight * rate * rnd.uniform(0.8, 1.3) + 150, 2)
        rows.append({
            "shipment_id": f"SHP-{200000 + i}",
            "customer": rnd.choice(customers),
            "carrier": carrier,
            "mode": mode,
            "origin_city": origin,
            "destination_city": dest,
            "status": status,
            "shipped_at": ts(shipped),
            "delivered_at": delivered,
            "weight_kg": weight,
            "pallets": pallets,
            "freight_cost_usd": f"{cost:.2f}",
            "is_hazardous": "true" if rnd.random() < 0.08 else "false",
            "damage_notes": rnd.choice(damage) if status in ("delivered", "returned") and rnd.random() < 0.06 else None,
        })
    write("freight", "shipments", rows)


def gym():
    rnd = random.Random(59)
    clubs = ["Downtown", "Riverside", "Northgate", "Westfield"]
    plans = {"basic": 29.0, "standard": 45.0, "premium": 79.0, "student": 22.0, "corporate": 39.0}
    trainers = ["Alex Moreau", "Bianca Rossi", "Carlos Vega", "Dana Kim", "Erik Holm", "Fatima Zahra"]
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    rnd.shuffle(names)
    members = []
    for i in range(1, 901):
        plan = rnd.choices(list(plans), [30, 30, 15, 15, 10])[0]
        joined = AS_OF - dt.timedelta(days=rnd.randint(1, 2200))
        cancelled = None
        if rnd.random() < 0.22:
            c = joined + dt.timedelta(days=rnd.randint(30, 900))
            if c < AS_OF:
                cancelled = day(c)
        name = names[i - 1] if i <= len(names) else f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        members.append({
            "member_id": 4000 + i,
            "full_name": name,
            "email": None if rnd.random() < 0.08 else name.lower().replace(" ", ".").replace("'", "") + rnd.choice(["@gmail.com", "@outlook.com", "@yahoo.com", "@proton.me"]),
            "home_club": rnd.choices(clubs, [35, 25, 22, 18])[0],
            "plan": plan,
            "monthly_fee_usd": f"{plans[plan] - (5 if rnd.random() < 0.15 else 0):.2f}",
            "joined_on": day(joined),
            "cancelled_on": cancelled,
            "birth_year": rnd.randint(2003, 2008) if plan == "student" else rnd.randint(1950, 2004),
            "visits_last_30_days": 0 if cancelled else rnd.choices([0, rnd.randint(1, 6), rnd.randint(7, 14), rnd.randint(15, 28)], [12, 38, 35, 15])[0],
            "auto_renew": "false" if cancelled or rnd.random() < 0.25 else "true",
            "trainer_name": rnd.choice(trainers) if plan == "premium" or rnd.random() < 0.08 else None,
        })
    write("gym", "memberships", members)
    classes = {"yoga": 60, "spin": 45, "hiit": 30, "pilates": 50, "boxing": 60, "zumba": 45}
    instructors = {"yoga": ["Maya Lind", "Tom Okoro"], "spin": ["Jess Park", "Ravi Shah"], "hiit": ["Leo Brandt", "Jess Park"],
                   "pilates": ["Sara Nilsen"], "boxing": ["Marcus Hale"], "zumba": ["Lucia Ortiz", "Maya Lind"]}
    active = [m for m in members if m["cancelled_on"] is None]
    rows = []
    for i in range(1, 2601):
        m = rnd.choice(active)
        ctype = rnd.choices(list(classes), [22, 24, 18, 14, 10, 12])[0]
        if rnd.random() < 0.1:
            start = AS_OF + dt.timedelta(days=rnd.randint(0, 13))
        else:
            start = AS_OF - dt.timedelta(days=int(330 * (rnd.random() ** 1.3)) + 1)
        start = start.replace(hour=rnd.choice([6, 7, 9, 12, 17, 18, 19, 20]), minute=rnd.choice([0, 0, 30]))
        booked = start - dt.timedelta(days=rnd.randint(0, 9), hours=rnd.randint(1, 20))
        if booked >= AS_OF:
            booked = AS_OF - dt.timedelta(minutes=rnd.randint(10, 3000))
        if start >= AS_OF:
            status = rnd.choices(["booked", "cancelled"], [88, 12])[0]
        else:
            status = rnd.choices(["attended", "no_show", "cancelled"], [78, 10, 12])[0]
        attended = status == "attended"
        rows.append({
            "booking_id": 900000 + i,
            "member_id": m["member_id"],
            "member_name": m["full_name"],
            "club": m["home_club"] if rnd.random() < 0.85 else rnd.choice(clubs),
            "class_type": ctype,
            "instructor": rnd.choice(instructors[ctype]),
            "class_start": ts(start),
            "booked_at": ts(booked),
            "status": status,
            "duration_min": classes[ctype],
            "calories_burned": int(classes[ctype] * rnd.uniform(5, 12)) if attended and rnd.random() < 0.7 else None,
            "rating": rnd.choices([1, 2, 3, 4, 5], [3, 6, 18, 38, 35])[0] if attended and rnd.random() < 0.45 else None,
            "is_waitlisted": "true" if rnd.random() < 0.07 else "false",
        })
    write("gym", "class_bookings", rows)


if __name__ == "__main__":
    hotel()
    freight()
    gym()
