#!/usr/bin/env python3
"""Generates three public-style schemas for the search evaluation (shop, forum, air) as CSV.

Written before the translator rules that answer their questions. Deterministic (fixed seed,
as-of 2026-11-20): rerun it only on purpose, then re-check the golds.
  shop/  products (120), sales (3,000)
  forum/ members (150), posts (2,000)
  air/   stations (40), readings (4,000)
"""
import csv, os, random, datetime as dt

AS_OF = dt.datetime(2026, 11, 20)
rnd = random.Random(42)
HERE = os.path.dirname(os.path.abspath(__file__))


def ts(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")


def when(days_back_max, skew=1.0):
    back = days_back_max * (rnd.random() ** skew)
    return AS_OF - dt.timedelta(days=back) - dt.timedelta(seconds=rnd.randint(60, 3600))


def write(folder, name, rows):
    path = os.path.join(HERE, folder, "data")
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, name + ".csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else v) for k, v in r.items()})


def shop():
    brands = ["Northwind", "Keller", "Aurora", "Brightline", "Tessaro", "Volta", "Harlow", "Zenith"]
    categories = {
        "laptops": (600, 2400), "phones": (250, 1400), "headphones": (40, 450),
        "monitors": (120, 900), "keyboards": (25, 220), "cameras": (300, 2600)}
    nouns = {"laptops": ["Air", "Pro", "Book", "Flex"], "phones": ["One", "Max", "Mini", "Edge"],
             "headphones": ["Buds", "Studio", "Quiet", "Sport"], "monitors": ["View", "Ultra", "Wide", "Frame"],
             "keyboards": ["Type", "Mech", "Slim", "Key"], "cameras": ["Shot", "Lens", "Snap", "Vision"]}
    products = []
    for i in range(1, 121):
        cat = list(categories)[i % 6]
        brand = brands[(i * 5) % 8]
        lo, hi = categories[cat]
        price = round(rnd.uniform(lo, hi) / 5) * 5 - 0.01
        products.append({
            "product_id": i,
            "name": f"{brand} {rnd.choice(nouns[cat])} {100 + i}",
            "brand": brand,
            "category": cat,
            "price": f"{price:.2f}",
            "stock": rnd.choice([0, 0, 3, 8, 15, 25, 40, 60, 120]),
            "rating": round(rnd.uniform(2.5, 5.0), 1),
            "weight_kg": round(rnd.uniform(0.05, 6.0), 2),
            "launched_on": (AS_OF - dt.timedelta(days=rnd.randint(30, 1500))).strftime("%Y-%m-%d"),
            "discontinued": "true" if rnd.random() < 0.15 else "false",
        })
    write("shop", "products", products)
    stores = ["Berlin Mitte", "Hamburg Hafen", "Munich Ost", "Vienna Ring", "Zurich Bahnhof", "online"]
    regions = {"Berlin Mitte": "DE", "Hamburg Hafen": "DE", "Munich Ost": "DE", "Vienna Ring": "AT",
               "Zurich Bahnhof": "CH", "online": "EU"}
    sales = []
    for i in range(1, 3001):
        p = rnd.choice(products)
        store = rnd.choices(stores, [3, 2, 2, 1, 1, 4])[0]
        qty = rnd.choices([1, 2, 3, 4, 5], [60, 20, 10, 6, 4])[0]
        price = float(p["price"])
        discount = rnd.choice([0, 0, 0, 5, 10, 15, 20])
        total = round(qty * price * (100 - discount) / 100, 2)
        sold = when(730, 1.3)
        status = rnd.choices(["completed", "refunded", "pending", "cancelled"], [80, 7, 8, 5])[0]
        shipped = None
        if store == "online" and status in ("completed", "refunded"):
            shipped = ts(sold + dt.timedelta(hours=rnd.randint(4, 96)))
        sales.append({
            "sale_id": 50000 + i,
            "product_id": p["product_id"],
            "product_name": p["name"],
            "category": p["category"],
            "store": store,
            "country": regions[store],
            "quantity": qty,
            "discount_pct": discount,
            "total": f"{total:.2f}",
            "payment": rnd.choices(["card", "cash", "paypal", "invoice"], [55, 15, 20, 10])[0] if store != "online" or True else "card",
            "status": status,
            "sold_at": ts(sold),
            "shipped_at": shipped,
            "coupon_code": rnd.choice(["WINTER10", "SPRING5", "VIP20", "BLACKFRIDAY"]) if discount and rnd.random() < 0.6 else None,
        })
    write("shop", "sales", sales)


def forum():
    first = ["alex", "bea", "cody", "dana", "emil", "fay", "gus", "hana", "ivan", "jade", "kofi", "lina",
             "marco", "nell", "otto", "pia", "quinn", "rosa", "sven", "tara", "umar", "vera", "wes", "xena", "yara"]
    countries = ["Canada", "Germany", "India", "Brazil", "Japan", "Kenya", "France", "Australia"]
    members = []
    for i in range(1, 151):
        handle = f"{first[i % 25]}{rnd.randint(1, 99)}" if i > 25 else first[i - 1]
        joined = when(1800, 0.8)
        members.append({
            "member_id": i,
            "username": handle,
            "email": f"{handle}@{rnd.choice(['mailbox.example', 'post.example', 'inbox.example'])}",
            "country": rnd.choice(countries),
            "role": rnd.choices(["member", "moderator", "admin"], [90, 8, 2])[0],
            "reputation": int(rnd.paretovariate(1.2) * 40),
            "joined_at": ts(joined),
            "last_seen_at": ts(when(200, 2.0)) if rnd.random() < 0.9 else None,
            "is_banned": "true" if rnd.random() < 0.05 else "false",
            "bio": rnd.choice(["", "", "Gardener and cook", "Rust and Go", "Photography nerd", "Cyclist", None]) or None,
        })
    write("forum", "members", members)
    boards = ["general", "help", "announcements", "off-topic", "feedback", "showcase"]
    words = ["Question about", "Tips for", "Problem with", "Thoughts on", "How to fix", "Guide to", "Bug in"]
    topics = ["login", "dark mode", "the mobile app", "search", "notifications", "exports", "billing",
              "the API", "themes", "uploads"]
    posts = []
    for i in range(1, 2001):
        author = rnd.choice(members)
        created = when(700, 1.2)
        board = rnd.choices(boards, [30, 30, 5, 15, 10, 10])[0]
        status = rnd.choices(["open", "closed", "locked"], [70, 25, 5])[0]
        posts.append({
            "post_id": i,
            "title": f"{rnd.choice(words)} {rnd.choice(topics)}",
            "author": author["username"],
            "board": board,
            "status": status,
            "score": int(rnd.gauss(8, 12)),
            "views": int(rnd.paretovariate(1.1) * 50),
            "replies": rnd.choices(range(0, 40), [12] + [3] * 39)[0],
            "created_at": ts(created),
            "edited_at": ts(created + dt.timedelta(hours=rnd.randint(1, 200))) if rnd.random() < 0.3 else None,
            "accepted_answer_id": rnd.randint(1, 2000) if board == "help" and status == "closed" and rnd.random() < 0.7 else None,
            "language": rnd.choices(["en", "de", "pt", "ja", "fr"], [60, 12, 10, 8, 10])[0],
        })
    write("forum", "posts", posts)


def air():
    cities = [("Delhi", "India"), ("Beijing", "China"), ("Madrid", "Spain"), ("Lagos", "Nigeria"),
              ("Lima", "Peru"), ("Oslo", "Norway"), ("Denver", "United States"), ("Krakow", "Poland")]
    base = {"Delhi": 95, "Beijing": 60, "Madrid": 14, "Lagos": 45, "Lima": 25, "Oslo": 7, "Denver": 9, "Krakow": 30}
    operators = ["City Council", "National Agency", "University", "Community Network"]
    stations = []
    for i in range(1, 41):
        city, country = cities[i % 8]
        stations.append({
            "station_id": 100 + i,
            "station_name": f"{city} {['North', 'South', 'East', 'West', 'Central'][i % 5]} {i}",
            "city": city,
            "country": country,
            "operator": rnd.choice(operators),
            "elevation_m": rnd.randint(0, 2600) if city != "Denver" else rnd.randint(1580, 1750),
            "installed_on": (AS_OF - dt.timedelta(days=rnd.randint(200, 4000))).strftime("%Y-%m-%d"),
            "status": rnd.choices(["active", "inactive", "maintenance"], [75, 15, 10])[0],
            "decommissioned_on": None,
        })
    for s in stations:
        if s["status"] == "inactive":
            s["decommissioned_on"] = (AS_OF - dt.timedelta(days=rnd.randint(10, 150))).strftime("%Y-%m-%d")
    write("air", "stations", stations)
    readings = []
    for i in range(1, 4001):
        s = rnd.choice(stations)
        b = base[s["city"]]
        pm25 = max(0.5, round(rnd.gauss(b, b * 0.4), 1))
        pm10 = round(pm25 * rnd.uniform(1.3, 2.2), 1)
        aqi = int(min(500, pm25 * 2.1 + rnd.uniform(0, 15)))
        category = ("good" if aqi <= 50 else "moderate" if aqi <= 100 else "unhealthy" if aqi <= 200 else "hazardous")
        readings.append({
            "reading_id": 900000 + i,
            "station_id": s["station_id"],
            "city": s["city"],
            "measured_at": ts(when(365, 1.0)),
            "pm25": pm25,
            "pm10": pm10,
            "no2_ppb": round(rnd.uniform(3, 60), 1) if rnd.random() < 0.92 else None,
            "o3_ppb": round(rnd.uniform(10, 80), 1),
            "co2_level": rnd.randint(400, 520),
            "temperature_c": round(rnd.gauss(16, 9), 1),
            "humidity_pct": rnd.randint(15, 98),
            "aqi": aqi,
            "air_quality": category,
            "sensor_type": rnd.choice(["optical", "beta attenuation", "electrochemical"]),
            "validated": "true" if rnd.random() < 0.8 else "false",
        })
    write("air", "readings", readings)


if __name__ == "__main__":
    shop()
    forum()
    air()
