#!/usr/bin/env python3
"""Generates three more unseen schemas for the search evaluation (taxi, library, clinic) as CSV.

Written, with their questions (questions.py), before the translator was ever run on them and
without reading the translator's rules. Deterministic (fixed seeds, as-of 2026-11-20 00:00): rerun
it only on purpose, then re-check the golds.
  taxi/     drivers (80), rides (1,800)
  library/  books (300), loans (1,600)
  clinic/   doctors (40), appointments (1,600)
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


FIRST = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Filipe", "Gabriela", "Hugo", "Ines", "Jorge",
         "Lucia", "Marco", "Nuno", "Olga", "Pablo", "Rita", "Sergio", "Teresa", "Vasco", "Yara",
         "Miguel", "Sofia", "Tomas", "Beatriz"]
LAST = ["Silva", "Costa", "Garcia", "Martins", "Lopez", "Ferreira", "Sanchez", "Almeida", "Ruiz",
        "Pereira", "Navarro", "Rocha", "Moreno", "Sousa", "Romero", "Gomes"]


def taxi():
    rnd = random.Random(7)
    cities = ["Lisbon", "Porto", "Madrid", "Seville", "Valencia"]
    makes = {"sedan": ["Toyota", "Skoda", "Hyundai"], "suv": ["Kia", "Toyota"],
             "van": ["Mercedes", "Ford"], "electric": ["Tesla", "Nissan", "Hyundai"]}
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    rnd.shuffle(names)
    drivers = []
    for i in range(1, 81):
        vtype = rnd.choices(list(makes), [45, 20, 12, 23])[0]
        city = cities[i % 5]
        drivers.append({
            "driver_id": i,
            "name": names[i - 1],
            "city": city,
            "vehicle_type": vtype,
            "vehicle_make": rnd.choice(makes[vtype]),
            "license_plate": f"{rnd.randint(10, 99)}-{rnd.choice('ABCDEFGHJKLMNPRSTVXZ')}{rnd.choice('ABCDEFGHJKLMNPRSTVXZ')}-{rnd.randint(10, 99)}",
            "rating": round(rnd.uniform(4.0, 5.0), 2),
            "trips_completed": rnd.randint(15, 4200),
            "joined_on": day(AS_OF - dt.timedelta(days=rnd.randint(20, 2400))),
            "is_active": "false" if rnd.random() < 0.15 else "true",
            "phone": None if rnd.random() < 0.12 else f"+351 9{rnd.randint(10, 99)} {rnd.randint(100, 999)} {rnd.randint(100, 999)}",
        })
    write("taxi", "drivers", drivers)
    zones = ["Airport", "Downtown", "Old Town", "Train Station", "University", "Harbour", "Stadium", "Business Park"]
    rides = []
    for i in range(1, 1801):
        d = rnd.choice(drivers)
        requested = AS_OF - dt.timedelta(days=500 * (rnd.random() ** 1.6)) - dt.timedelta(seconds=rnd.randint(60, 20000))
        status = rnd.choices(["completed", "cancelled", "no_show"], [86, 10, 4])[0]
        pickup = rnd.choices(zones, [14, 22, 14, 14, 10, 8, 6, 12])[0]
        dropoff = rnd.choice([z for z in zones if z != pickup])
        km = round(rnd.uniform(1.2, 9) if rnd.random() < 0.7 else rnd.uniform(9, 38), 1)
        if "Airport" in (pickup, dropoff):
            km = round(km + 8, 1)
        minutes = int(km * rnd.uniform(1.8, 3.4)) + 3
        fare = round(3.5 + km * 1.1 + minutes * 0.2, 2) if status == "completed" else (5.0 if status == "no_show" else 0.0)
        tip = 0.0 if status != "completed" or rnd.random() < 0.55 else round(rnd.choice([1, 1.5, 2, 3, 5]) + rnd.random(), 2)
        completed = ts(requested + dt.timedelta(minutes=minutes + rnd.randint(3, 12))) if status == "completed" else None
        rides.append({
            "ride_id": 100000 + i,
            "driver_id": d["driver_id"],
            "driver_name": d["name"],
            "city": d["city"],
            "pickup_zone": pickup,
            "dropoff_zone": dropoff,
            "requested_at": ts(requested),
            "completed_at": completed,
            "status": status,
            "distance_km": km,
            "duration_min": minutes if status == "completed" else 0,
            "fare": f"{fare:.2f}",
            "tip": f"{tip:.2f}",
            "payment_method": rnd.choices(["card", "cash", "wallet"], [58, 17, 25])[0],
            "passengers": rnd.choices([1, 2, 3, 4], [62, 24, 9, 5])[0],
            "rider_rating": rnd.choice([3, 4, 4, 5, 5, 5, 5]) if status == "completed" and rnd.random() < 0.6 else None,
            "promo_code": rnd.choice(["WELCOME", "NIGHT20", "AIRPORT5"]) if rnd.random() < 0.1 else None,
            "is_shared": "true" if rnd.random() < 0.12 else "false",
        })
    write("taxi", "rides", rides)


def library():
    rnd = random.Random(11)
    genres = ["fiction", "mystery", "science", "history", "children", "biography", "fantasy", "cooking"]
    adj = ["Silent", "Hidden", "Last", "Golden", "Broken", "Winter", "Secret", "Lost", "Burning", "Quiet",
           "Northern", "Little", "Endless", "Wild", "Paper"]
    noun = ["Garden", "River", "Kingdom", "Letters", "Harbor", "Atlas", "Orchard", "Machine", "Island",
            "Lighthouse", "Forest", "Kitchen", "Voyage", "Empire", "Clockmaker"]
    authors = ["Maria Lindqvist", "James Okafor", "Helen Marsh", "Kenji Watanabe", "Claire Dubois",
               "Samuel Reyes", "Anna Kowalski", "Peter Hale", "Nadia Rahman", "Tom Becker", "Louise Grant",
               "Omar Haddad", "Ingrid Holm", "David Chen", "Rosa Bianchi", "Victor Lang", "Emma Stone",
               "Felix Novak", "Grace Mbeki", "Hannah Vogel"]
    books = []
    seen = set()
    for i in range(1, 301):
        genre = genres[i % 8]
        title = f"The {rnd.choice(adj)} {rnd.choice(noun)}"
        if genre == "cooking":
            title = rnd.choice(["Simple", "Weeknight", "Coastal", "Vegetarian", "Italian", "Baking"]) + " " + rnd.choice(["Suppers", "Kitchen", "Table", "Recipes", "Bread"])
        if genre == "history" and rnd.random() < 0.5:
            title = rnd.choice(["A History of", "The Rise of", "The Fall of"]) + " " + rnd.choice(["Rome", "Venice", "the Railways", "Printing", "the Atlantic", "Empires"])
        if title in seen:
            title = f"{title}: {rnd.choice(['A Novel', 'Stories', 'Second Edition', 'Revisited', 'A Memoir', 'Illustrated'])}"
        while title in seen:
            title = f"{title} {len(seen) % 7 + 2}"
        seen.add(title)
        books.append({
            "book_id": i,
            "title": title,
            "author": rnd.choice(authors),
            "genre": genre,
            "language": rnd.choices(["English", "Spanish", "French", "German"], [70, 12, 10, 8])[0],
            "published_year": rnd.randint(1950, 2026) if rnd.random() < 0.3 else rnd.randint(2005, 2026),
            "pages": rnd.randint(90, 780) if genre != "children" else rnd.randint(24, 160),
            "copies": rnd.choices([1, 2, 3, 4, 6], [40, 28, 16, 10, 6])[0],
            "is_reference": "true" if rnd.random() < 0.07 else "false",
            "added_on": day(AS_OF - dt.timedelta(days=rnd.randint(5, 3000))),
            "isbn": f"978-{rnd.randint(0, 9)}-{rnd.randint(1000, 9999)}-{rnd.randint(1000, 9999)}-{rnd.randint(0, 9)}",
            "shelf": f"{rnd.choice('ABCDEFGH')}{rnd.randint(1, 30)}",
            "summary": None if rnd.random() < 0.2 else rnd.choice([
                "A family saga across three generations.", "A detective returns to her hometown.",
                "An illustrated guide for curious readers.", "A journey through war and peace.",
                "Recipes and stories from the coast.", "A young wizard discovers a hidden map.",
                "How a small idea changed the world.", "Letters between two old friends."]),
        })
    write("library", "books", books)
    branches = ["Central", "Riverside", "Hillcrest", "Eastgate"]
    loans = []
    for i in range(1, 1601):
        b = rnd.choice([x for x in books if x["is_reference"] == "false"])
        borrowed = (AS_OF - dt.timedelta(days=int(420 * (rnd.random() ** 1.4)) + 1)).date()
        due = borrowed + dt.timedelta(days=21)
        renewals = rnd.choices([0, 1, 2, 3], [65, 20, 10, 5])[0]
        due = due + dt.timedelta(days=14 * renewals)
        returned = None
        late_fee = 0.0
        r = rnd.random()
        if r < 0.8:
            returned_day = borrowed + dt.timedelta(days=rnd.randint(3, 21 + 14 * renewals + 12))
            if returned_day < AS_OF.date():
                returned = returned_day
                if returned_day > due:
                    late_fee = round(0.25 * (returned_day - due).days, 2)
        loans.append({
            "loan_id": 5000 + i,
            "book_id": b["book_id"],
            "book_title": b["title"],
            "genre": b["genre"],
            "member_id": rnd.randint(1, 420),
            "member_type": rnd.choices(["adult", "student", "child", "senior"], [50, 22, 16, 12])[0],
            "branch": rnd.choices(branches, [40, 25, 20, 15])[0],
            "format": rnd.choices(["print", "ebook", "audiobook"], [72, 18, 10])[0],
            "borrowed_on": borrowed.isoformat(),
            "due_on": due.isoformat(),
            "returned_on": returned.isoformat() if returned else None,
            "renewals": renewals,
            "late_fee": f"{late_fee:.2f}",
        })
    write("library", "loans", loans)


def clinic():
    rnd = random.Random(23)
    specialties = ["general practice", "cardiology", "dermatology", "pediatrics", "orthopedics", "neurology"]
    fees = {"general practice": 60, "cardiology": 140, "dermatology": 110, "pediatrics": 80,
            "orthopedics": 130, "neurology": 150}
    sites = ["Northside", "Riverside", "Old Town"]
    doctors = []
    for i in range(1, 41):
        spec = "general practice" if i % 4 == 0 else specialties[i % 6]
        first = FIRST[(i * 5) % len(FIRST)]
        last = LAST[(i * 3) % len(LAST)]
        doctors.append({
            "doctor_id": i,
            "name": f"Dr. {first} {last}",
            "specialty": spec,
            "site": sites[(i // 3) % 3],
            "years_experience": rnd.randint(2, 35),
            "consultation_fee": f"{fees[spec] + rnd.choice([-10, 0, 0, 10, 20, 30]):.2f}",
            "accepts_new_patients": "false" if rnd.random() < 0.25 else "true",
            "started_on": day(AS_OF - dt.timedelta(days=rnd.randint(60, 5000))),
            "email": f"{first.lower()}.{last.lower()}@clinic.example",
            "languages": rnd.choice(["English", "English, Spanish", "English, Portuguese", "English, French", "English, German"]),
        })
    write("clinic", "doctors", doctors)
    visit_types = ["checkup", "follow-up", "consultation", "procedure", "vaccination"]
    insurers = ["Medicare", "Allianz", "AXA", "Cigna", "Bupa"]
    notes = ["follow up in 3 months", "referred to specialist", "prescription renewed", "lab results pending",
             "blood pressure high", "x-ray ordered", "patient running late"]
    appts = []
    for i in range(1, 1601):
        d = rnd.choice(doctors)
        if rnd.random() < 0.08:
            when = AS_OF + dt.timedelta(days=rnd.randint(0, 40))
            status = rnd.choices(["scheduled", "cancelled"], [88, 12])[0]
        else:
            when = AS_OF - dt.timedelta(days=int(540 * (rnd.random() ** 1.3)) + 1)
            status = rnd.choices(["completed", "cancelled", "no_show"], [80, 12, 8])[0]
        when = when.replace(hour=rnd.randint(8, 17), minute=rnd.choice([0, 15, 30, 45]))
        booked = when - dt.timedelta(days=rnd.randint(0, 60), hours=rnd.randint(1, 9))
        vtype = rnd.choices(visit_types, [30, 25, 25, 10, 10])[0]
        duration = {"checkup": 20, "follow-up": 15, "consultation": 30, "procedure": 60, "vaccination": 10}[vtype]
        duration = duration + rnd.choice([0, 0, 5, 10, 15])
        age = rnd.randint(1, 17) if d["specialty"] == "pediatrics" else rnd.randint(18, 92)
        fee = float(d["consultation_fee"]) * (1.8 if vtype == "procedure" else 0.5 if vtype == "vaccination" else 1)
        checked_in = ts(when - dt.timedelta(minutes=rnd.randint(2, 25))) if status == "completed" else None
        appts.append({
            "appointment_id": 70000 + i,
            "doctor_id": d["doctor_id"],
            "doctor_name": d["name"],
            "specialty": d["specialty"],
            "site": d["site"],
            "patient_id": rnd.randint(1, 900),
            "patient_age": age,
            "visit_type": vtype,
            "status": status,
            "scheduled_at": ts(when),
            "booked_at": ts(booked),
            "checked_in_at": checked_in,
            "duration_minutes": duration,
            "fee": f"{fee:.2f}",
            "insurance": None if rnd.random() < 0.18 else rnd.choices(insurers, [30, 20, 20, 15, 15])[0],
            "is_telehealth": "true" if vtype in ("follow-up", "consultation") and rnd.random() < 0.3 else "false",
            "wait_minutes": rnd.randint(0, 55) if status == "completed" else None,
            "notes": rnd.choice(notes) if status == "completed" and rnd.random() < 0.35 else None,
        })
    write("clinic", "appointments", appts)


if __name__ == "__main__":
    taxi()
    library()
    clinic()
