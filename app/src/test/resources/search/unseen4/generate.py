#!/usr/bin/env python3
"""Generates two fresh unseen schemas for the search evaluation (recruiting, claims) as CSV.

Written, with their questions (questions.py), blind: without reading the translator, its prompts or
any earlier question file beyond its first lines, and before the translator was run on them.
Deterministic (fixed seeds, as-of 2026-11-20 00:00; all data ends before it): rerun it only on
purpose, then re-check the golds (Unseen4SchemasEvalTest.every_gold_runs_and_returns_rows).
  recruiting/  job_postings (60), applications (2,000)
  claims/      insurance_claims (2,500)
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


FIRST = ["Aisha", "Bruno", "Camille", "Dmitri", "Elena", "Felix", "Gabriela", "Hassan", "Ingrid", "Jonas",
         "Keiko", "Lucas", "Marta", "Nikhil", "Oona", "Pablo", "Rosa", "Stefan", "Tomasz", "Ursula",
         "Victor", "Wen", "Yara", "Zane"]
LAST = ["Abbott", "Bianchi", "Costa", "Dubois", "Eriksen", "Ferreira", "Gupta", "Horvat", "Ivanova",
        "Jung", "Kowalski", "Lindqvist", "Moreno", "Novak", "Okafor", "Petrov", "Rahman", "Silva",
        "Tanaka", "Varga"]


def recruiting():
    rnd = random.Random(71)
    titles = {
        "Engineering": ["Backend Engineer", "Frontend Engineer", "Data Engineer", "Site Reliability Engineer",
                        "Engineering Manager", "QA Engineer"],
        "Sales": ["Account Executive", "Sales Development Rep", "Sales Manager"],
        "Marketing": ["Content Marketer", "Growth Marketer", "Product Marketing Manager"],
        "Finance": ["Financial Analyst", "Accountant"],
        "Operations": ["Operations Coordinator", "Office Manager"],
        "Support": ["Support Specialist", "Support Team Lead"],
    }
    base = {"Engineering": 95000, "Sales": 70000, "Marketing": 68000, "Finance": 75000, "Operations": 55000,
            "Support": 48000}
    locations = ["Berlin", "London", "Lisbon", "New York", "Remote"]
    managers = ["Hannah Vogel", "Omar Haddad", "Lise Martin", "Greg Palmer", "Sofia Reyes", "Kenji Mori"]
    postings = []
    for i in range(1, 61):
        dept = rnd.choices(list(titles), [35, 18, 14, 10, 10, 13])[0]
        title = rnd.choice(titles[dept])
        loc = rnd.choices(locations, [28, 24, 14, 18, 16])[0]
        etype = rnd.choices(["full_time", "part_time", "contract", "internship"], [70, 8, 14, 8])[0]
        low = base[dept] + rnd.randint(-8, 25) * 1000
        if "Manager" in title or "Lead" in title:
            low += 25000
        if etype == "internship":
            low = rnd.randint(24, 36) * 1000
        high = low + rnd.randint(10, 40) * 1000
        opened = AS_OF - dt.timedelta(days=rnd.randint(3, 540))
        closed = None
        if (AS_OF - opened).days > 45 and rnd.random() < 0.6:
            closed = opened + dt.timedelta(days=rnd.randint(25, min(200, (AS_OF - opened).days - 1)))
        postings.append({
            "posting_id": 100 + i,
            "job_title": title,
            "department": dept,
            "location": loc,
            "employment_type": etype,
            "salary_min_usd": low,
            "salary_max_usd": high,
            "headcount": rnd.choices([1, 1, 1, 2, 3, 5], [40, 20, 10, 15, 10, 5])[0],
            "is_remote": "true" if loc == "Remote" or rnd.random() < 0.2 else "false",
            "opened_on": day(opened),
            "closed_on": None if closed is None else day(closed),
            "hiring_manager": rnd.choice(managers),
            "hiring_manager_email": None if rnd.random() < 0.12 else f"{rnd.choice(['hv', 'oh', 'lm', 'gp', 'sr', 'km'])}.{i}@northbeam.example",
        })
    write("recruiting", "job_postings", postings)
    sources = ["linkedin", "referral", "careers_site", "indeed", "agency"]
    recruiters = ["Ana Lopes", "Ben Okoye", "Clara Weiss", "Dev Malhotra"]
    reasons = ["not enough experience", "salary expectations too high", "failed technical interview",
               "position filled", "poor culture fit", "no work permit", "relocation not possible"]
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    apps = []
    for i in range(1, 2001):
        p = rnd.choice(postings)
        opened = dt.datetime.strptime(p["opened_on"], "%Y-%m-%d")
        end = dt.datetime.strptime(p["closed_on"], "%Y-%m-%d") if p["closed_on"] else AS_OF
        span = max(1.0, (end - opened).total_seconds() / 86400)
        applied = opened + dt.timedelta(days=span * (rnd.random() ** 0.8))
        if applied >= AS_OF:
            applied = AS_OF - dt.timedelta(minutes=rnd.randint(20, 3000))
        age = (AS_OF - applied).days
        source = rnd.choices(sources, [34, 14, 24, 18, 10])[0]
        if age < 5:
            stage = rnd.choices(["applied", "phone_screen", "rejected", "withdrawn"], [70, 15, 12, 3])[0]
        elif age < 30:
            stage = rnd.choices(["applied", "phone_screen", "onsite", "offer", "rejected", "withdrawn"],
                                [25, 22, 16, 6, 26, 5])[0]
        else:
            stage = rnd.choices(["applied", "phone_screen", "onsite", "offer", "hired", "rejected", "withdrawn"],
                                [4, 3, 3, 2, 9, 68, 11])[0]
        years = rnd.choices([0, rnd.randint(1, 3), rnd.randint(4, 8), rnd.randint(9, 20)], [10, 35, 38, 17])[0]
        expected = p["salary_min_usd"] + rnd.randint(-15, 35) * 1000 + years * 800
        reached_onsite = stage in ("onsite", "offer", "hired") or (stage == "rejected" and rnd.random() < 0.3)
        score = round(rnd.uniform(1.5, 5.0), 1) if reached_onsite and rnd.random() < 0.9 else None
        decided = None
        if stage in ("hired", "rejected", "offer"):
            decided = applied + dt.timedelta(days=rnd.uniform(2, min(45, max(2.5, age))))
            if decided >= AS_OF:
                decided = AS_OF - dt.timedelta(minutes=rnd.randint(5, 600))
        apps.append({
            "application_id": 50000 + i,
            "posting_id": p["posting_id"],
            "job_title": p["job_title"],
            "department": p["department"],
            "candidate_name": rnd.choice(names),
            "source": source,
            "stage": stage,
            "applied_at": ts(applied),
            "years_experience": years,
            "expected_salary_usd": expected,
            "interview_score": score,
            "recruiter": None if rnd.random() < 0.15 else rnd.choice(recruiters),
            "rejection_reason": rnd.choice(reasons) if stage == "rejected" and rnd.random() < 0.75 else None,
            "decided_at": None if decided is None else ts(decided),
        })
    write("recruiting", "applications", apps)


def claims():
    rnd = random.Random(83)
    types = ["auto", "home", "travel", "pet", "health"]
    states = ["California", "Texas", "Florida", "New York", "Ohio", "Washington"]
    adjusters = ["Mei Chen", "Raj Iyer", "Laura Finch", "Tom Becker", "Nadia Karim"]
    descriptions = {
        "auto": ["rear-ended at a traffic light", "hail damage to the roof and hood", "windshield cracked by debris",
                 "parking lot collision, other driver left", "vehicle stolen from driveway"],
        "home": ["burst pipe flooded the basement", "kitchen fire damage", "storm damage to roof shingles",
                 "burglary, electronics stolen", "tree fell on the garage"],
        "travel": ["flight cancelled, hotel costs", "lost luggage on connecting flight", "trip cut short by illness"],
        "pet": ["dog swallowed a sock, surgery", "cat dental extraction", "broken leg after a fall"],
        "health": ["emergency room visit", "physiotherapy sessions", "outpatient surgery"],
    }
    scale = {"auto": 6000, "home": 18000, "travel": 1800, "pet": 1500, "health": 4000}
    names = [f"{f} {l}" for f in FIRST for l in LAST]
    rows = []
    for i in range(1, 2501):
        ptype = rnd.choices(types, [36, 22, 14, 12, 16])[0]
        filed = AS_OF - dt.timedelta(days=760 * (rnd.random() ** 1.4)) - dt.timedelta(seconds=rnd.randint(60, 80000))
        incident = (filed - dt.timedelta(days=rnd.choices([0, rnd.randint(1, 7), rnd.randint(8, 60)], [20, 55, 25])[0])).date()
        age = (AS_OF - filed).days
        if age < 10:
            status = rnd.choices(["open", "under_review"], [65, 35])[0]
        elif age < 60:
            status = rnd.choices(["open", "under_review", "approved", "denied", "paid"], [12, 30, 20, 13, 25])[0]
        else:
            status = rnd.choices(["open", "under_review", "approved", "denied", "paid"], [2, 4, 8, 18, 68])[0]
        claimed = round(scale[ptype] * rnd.lognormvariate(0, 0.8), 2)
        approved = None
        settled = None
        if status in ("approved", "paid"):
            approved = round(claimed * rnd.uniform(0.5, 1.0), 2)
        if status in ("approved", "paid", "denied"):
            settled = filed + dt.timedelta(days=rnd.uniform(3, min(90, max(4, age))))
            if settled >= AS_OF:
                settled = AS_OF - dt.timedelta(minutes=rnd.randint(5, 900))
        rows.append({
            "claim_id": f"CLM-{70000 + i}",
            "policy_type": ptype,
            "claimant_name": rnd.choice(names),
            "state": rnd.choices(states, [26, 20, 18, 14, 12, 10])[0],
            "status": status,
            "incident_date": incident.isoformat(),
            "filed_at": ts(filed),
            "settled_at": None if settled is None else ts(settled),
            "claimed_amount_usd": f"{claimed:.2f}",
            "approved_amount_usd": None if approved is None else f"{approved:.2f}",
            "deductible_usd": rnd.choice([0, 250, 500, 1000, 2500]) if ptype in ("auto", "home") else rnd.choice([0, 100, 250]),
            "adjuster": None if (status == "open" and rnd.random() < 0.6) or rnd.random() < 0.05 else rnd.choice(adjusters),
            "is_fraud_flagged": "true" if rnd.random() < 0.05 + (0.06 if claimed > 20000 else 0) else "false",
            "description": rnd.choice(descriptions[ptype]),
        })
    write("claims", "insurance_claims", rows)


if __name__ == "__main__":
    recruiting()
    claims()
