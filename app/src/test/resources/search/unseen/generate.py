#!/usr/bin/env python3
"""Generates the unseen help-desk data set (agents, customers, tickets) as CSV under data/.

Deterministic: a fixed seed and a fixed as-of date (2026-11-20), so the committed CSVs are
reproducible with `python3 generate.py`. Every timestamp lies in the two years before as-of.
"""
import csv, os, random, datetime as dt

AS_OF = dt.datetime(2026, 11, 20)
rnd = random.Random(20261120)
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")

FIRST = ["Ava", "Noah", "Mia", "Leo", "Ivy", "Omar", "Lena", "Raj", "Zoe", "Kai", "Nora", "Eli",
         "Sara", "Hugo", "Yuki", "Tess", "Finn", "Amir", "Lucy", "Owen", "Maya", "Jon", "Ines", "Theo"]
LAST = ["Park", "Silva", "Khan", "Novak", "Berg", "Costa", "Reyes", "Ito", "Walsh", "Moreau",
        "Okoro", "Lind", "Haas", "Patel", "Grant", "Duarte", "Kowal", "Fox", "Nash", "Vidal"]
WORD1 = ["Acme", "Blue", "Cedar", "Delta", "Echo", "Fable", "Golden", "Harbor", "Iris", "Jade",
         "Kite", "Lumen", "Maple", "Nova", "Orbit", "Pine", "Quill", "River", "Solar", "Tango"]
WORD2 = ["Foods", "Apparel", "Outdoors", "Pets", "Books", "Home", "Beauty", "Toys", "Coffee", "Cycles"]
SUBJECTS = ["Refund not received", "Cannot log in", "Order arrived damaged", "Change shipping address",
            "Invoice question", "Password reset link expired", "Item out of stock", "Cancel subscription",
            "Wrong size delivered", "Discount code not working", "Update billing details", "Tracking number missing",
            "App crashes on checkout", "Export orders to CSV", "Add a new seat"]

def ts(d):
    return d.strftime("%Y-%m-%d %H:%M:%S")

def when(days_back_max, skew=1.0):
    # more recent rows are more frequent
    back = days_back_max * (rnd.random() ** skew)
    return AS_OF - dt.timedelta(days=back) - dt.timedelta(seconds=rnd.randint(60, 3600))

def main():
    os.makedirs(HERE, exist_ok=True)
    agents = []
    for i in range(1, 25):
        first, last = FIRST[i - 1], LAST[(i * 7) % len(LAST)]
        agents.append({
            "agent_id": i,
            "full_name": f"{first} {last}",
            "email": f"{first.lower()}.{last.lower()}@helpline.example",
            "team": ["billing", "technical", "onboarding"][i % 3],
            "level": rnd.choices(["L1", "L2", "L3"], [0.5, 0.35, 0.15])[0],
            "location": rnd.choice(["Lisbon", "Austin", "Manila", "Dublin", "Toronto"]),
            "hired_at": ts(when(2000, 1.0)),
        })
    customers = []
    for i in range(1, 301):
        company = f"{WORD1[((i - 1) // 10) % 20]} {WORD2[(i - 1) % 10]}" + (f" {(i - 1) // 200 + 1}" if i > 200 else "")
        slug = company.lower().replace(" ", "")
        plan = rnd.choices(["free", "starter", "pro", "enterprise"], [0.35, 0.3, 0.25, 0.1])[0]
        customers.append({
            "customer_id": i,
            "company": company,
            "plan": plan,
            "region": rnd.choices(["NA", "EMEA", "APAC", "LATAM"], [0.45, 0.3, 0.15, 0.1])[0],
            "seats": {"free": 1, "starter": rnd.randint(2, 5), "pro": rnd.randint(5, 40),
                      "enterprise": rnd.randint(40, 500)}[plan],
            "contact_email": f"support@{slug}.com",
            "phone": None if rnd.random() < 0.2 else f"+1 555 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}",
            "created_at": ts(when(730, 1.5)),
        })
    tickets = []
    created = sorted(when(700, 2.0) for _ in range(2400))
    for i, c in enumerate(created, 1):
        cust = rnd.choice(customers)
        age = (AS_OF - c).days
        status = (rnd.choices(["open", "pending", "solved"], [0.5, 0.3, 0.2])[0] if age < 7
                  else rnd.choices(["open", "pending", "solved", "closed"], [0.05, 0.05, 0.3, 0.6])[0])
        agent = None if (status == "open" and rnd.random() < 0.5) else rnd.choice(agents)["agent_id"]
        frm = None if agent is None else rnd.randint(2, 600)
        solved = None
        if status in ("solved", "closed"):
            solved = min(c + dt.timedelta(minutes=rnd.randint(20, 60 * 24 * 6)), AS_OF - dt.timedelta(minutes=1))
        tickets.append({
            "ticket_id": 1000 + i,
            "customer_id": cust["customer_id"],
            "agent_id": agent,
            "subject": rnd.choice(SUBJECTS),
            "priority": rnd.choices(["low", "normal", "high", "urgent"], [0.3, 0.45, 0.18, 0.07])[0],
            "status": status,
            "channel": rnd.choices(["email", "chat", "phone", "web"], [0.45, 0.3, 0.1, 0.15])[0],
            "created_at": ts(c),
            "first_response_minutes": frm,
            "solved_at": ts(solved) if solved else None,
            "satisfaction": (rnd.choices([1, 2, 3, 4, 5], [0.05, 0.07, 0.15, 0.33, 0.4])[0]
                             if solved and rnd.random() < 0.6 else None),
        })
    for name, rows in (("agents", agents), ("customers", customers), ("tickets", tickets)):
        with open(os.path.join(HERE, name + ".csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow({k: ("" if v is None else v) for k, v in r.items()})

if __name__ == "__main__":
    main()
