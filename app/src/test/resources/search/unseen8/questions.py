#!/usr/bin/env python3
"""Writes the questions of the unseen8 schemas into <schema>/questions.jsonl (ids en..., cr..., vv...).

Written blind: without reading the translator, its prompts or any earlier question file beyond its
first lines, and before the translator was run on them. Golds follow docs/search-eval.md.
"""
import datetime as dt, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.date(2026, 11, 20)
ANALYST = {"projection", "superlative", "group"}


def T(d):
    return f"TIMESTAMP '{d}'"


def rng(col, a, b):
    return f"{col} >= {T(a)} AND {col} < {T(b)}"


def ago(n):
    return (TODAY - dt.timedelta(days=n)).isoformat()


TODAY_R = lambda c: rng(c, "2026-11-19", "2026-11-20")  # asked on 2026-11-19
YESTERDAY = lambda c: rng(c, "2026-11-19", "2026-11-20")
THIS_WEEK = lambda c: rng(c, "2026-11-16", "2026-11-23")
LAST_WEEK = lambda c: rng(c, "2026-11-09", "2026-11-16")
THIS_MONTH = lambda c: rng(c, "2026-11-01", "2026-12-01")
LAST_MONTH = lambda c: rng(c, "2026-10-01", "2026-11-01")
THIS_YEAR = lambda c: rng(c, "2026-01-01", "2027-01-01")
LAST_YEAR = lambda c: rng(c, "2025-01-01", "2026-01-01")

SETS = {}


def q(schema, qid, relation, question, gold, classes, dates=(), today="2026-11-20"):
    classes = list(classes)
    if dates and "date" not in classes:
        classes.append("date")
    SETS.setdefault(schema, []).append({"id": qid, "relation": relation, "question": question, "gold": gold,
                                        "classes": classes, "dates": list(dates), "today": today})


# ---------------------------------------------------------------- energy
M, R = "meters", "meter_readings"
e = lambda i, *a, **k: q("energy", f"en{i:03d}", *a, **k)
e(1, M, "industrial meters in the north", "SELECT * FROM meters WHERE segment = 'Industrial' AND region = 'North'", ["category"])
e(2, M, "meters installed in 2025", f"SELECT * FROM meters WHERE {rng('install_dt', '2025-01-01', '2026-01-01')}", [], ["year"])
e(3, M, "meters that have been removed", "SELECT * FROM meters WHERE removed_dt IS NOT NULL", ["null"])
e(4, M, "sites with no contact email", "SELECT * FROM meters WHERE acct_contact_email IS NULL", ["null"])
e(5, M, "solar meters on net metering", "SELECT * FROM meters WHERE has_solar_pv = true AND tariff_cd = 'net_metering'", ["category"])
e(6, M, "meters with contract kw over 500", "SELECT * FROM meters WHERE contract_kw > 500", ["number"])
e(7, M, "how many meters per segment", "SELECT segment, count(*) FROM meters GROUP BY segment", ["group", "aggregate"])
e(8, M, "which region has the most meters", "SELECT region, count(*) FROM meters GROUP BY region ORDER BY count(*) DESC LIMIT 1", ["group", "superlative", "aggregate"])
e(9, M, "avg contract kw by tariff", "SELECT tariff_cd, avg(contract_kw) FROM meters GROUP BY tariff_cd", ["group", "aggregate"])
e(10, M, "list the different meter models", "SELECT DISTINCT meter_model FROM meters", ["projection"])
e(11, M, "site names and emails for legacy analog meters", "SELECT site_name, acct_contact_email FROM meters WHERE meter_model = 'legacy_analog'", ["projection", "category"])
e(12, M, "5 biggest meters by contract kw", "SELECT * FROM meters ORDER BY contract_kw DESC, meter_id LIMIT 5", ["superlative", "sort_limit"])
e(13, M, "most recently installed meter", "SELECT * FROM meters ORDER BY install_dt DESC, meter_id LIMIT 1", ["superlative", "sort_limit"])
e(14, M, "meters outside central and west", "SELECT * FROM meters WHERE region NOT IN ('Central', 'West')", ["negation"])
e(15, M, "sites starting with harbor", "SELECT * FROM meters WHERE site_name ILIKE 'harbor%'", ["text"])
e(16, M, "meters installed before march 1, 2020", f"SELECT * FROM meters WHERE install_dt < {T('2020-03-01')}", [], ["before"])
e(17, M, "tariffs with more than 30 meters", "SELECT tariff_cd, count(*) FROM meters GROUP BY tariff_cd HAVING count(*) > 30", ["group", "aggregate"])
e(18, M, "total contract kw by region", "SELECT region, sum(contract_kw) FROM meters GROUP BY region", ["group", "aggregate"])
e(19, M, "oldest meter still in service", "SELECT * FROM meters WHERE removed_dt IS NULL ORDER BY install_dt ASC, meter_id LIMIT 1", ["superlative", "null", "sort_limit"])
e(21, R, "estimated reads last week", f"SELECT * FROM meter_readings WHERE read_type = 'estimated' AND {LAST_WEEK('read_ts')}", ["category"], ["last_week"])
e(22, R, "readings taken today", f"SELECT * FROM meter_readings WHERE {TODAY_R('read_ts')}", [], ["today"], today="2026-11-19")
e(23, R, "disputed bills", "SELECT * FROM meter_readings WHERE bill_status = 'disputed'", ["category"])
e(24, R, "reads over 100,000 kwh", "SELECT * FROM meter_readings WHERE kwh_used > 100000", ["number"])
e(25, R, "readings with outages between 60 and 120 minutes", "SELECT * FROM meter_readings WHERE outage_mins BETWEEN 60 AND 120", ["number"])
e(26, R, "charges under $20", "SELECT * FROM meter_readings WHERE charge_usd < 20", ["number"])
e(27, R, "reads not billed yet", "SELECT * FROM meter_readings WHERE billed_at IS NULL", ["null"])
e(28, R, "reads with a comment", "SELECT * FROM meter_readings WHERE reader_comment IS NOT NULL", ["null"])
e(29, R, "readings where the comment mentions dog", "SELECT * FROM meter_readings WHERE reader_comment ILIKE '%dog%'", ["text"])
e(30, R, "tamper flagged reads this month", f"SELECT * FROM meter_readings WHERE tamper_flag = true AND {THIS_MONTH('read_ts')}", ["category"], ["this_month"])
e(31, R, "south region reads in q3 2026", f"SELECT * FROM meter_readings WHERE region = 'South' AND {rng('read_ts', '2026-07-01', '2026-10-01')}", ["category"], ["quarter"])
e(32, R, "rereads in october 2026", f"SELECT * FROM meter_readings WHERE read_type = 'reread' AND {rng('read_ts', '2026-10-01', '2026-11-01')}", ["category"], ["month"])
e(33, R, "reads since september 2026 with no technician", f"SELECT * FROM meter_readings WHERE technician IS NULL AND read_ts >= {T('2026-09-01')}", ["null"], ["since"])
e(34, R, "readings older than 700 days", f"SELECT * FROM meter_readings WHERE read_ts < {T(ago(700))}", [], ["older_than"])
e(35, R, "reads in the last 10 days", f"SELECT * FROM meter_readings WHERE read_ts >= {T(ago(10))}", [], ["last_n_days"])
e(36, R, "readings except actual ones", "SELECT * FROM meter_readings WHERE read_type <> 'actual'", ["negation"])
e(37, R, "actual or reread readings yesterday", f"SELECT * FROM meter_readings WHERE (read_type = 'actual' OR read_type = 'reread') AND {YESTERDAY('read_ts')}", ["category", "boolean_logic"], ["yesterday"])
e(38, R, "reads by marcus dunleavy or tina marsh", "SELECT * FROM meter_readings WHERE (technician = 'Marcus Dunleavy' OR technician = 'Tina Marsh')", ["boolean_logic"])
e(39, R, "10 most recent readings", "SELECT * FROM meter_readings ORDER BY read_ts DESC, read_id LIMIT 10", ["sort_limit"])
e(40, R, "reading with the longest outage", "SELECT * FROM meter_readings ORDER BY outage_mins DESC, read_id LIMIT 1", ["superlative", "sort_limit"])
e(41, R, "total kwh by region", "SELECT region, sum(kwh_used) FROM meter_readings GROUP BY region", ["group", "aggregate"])
e(42, R, "top 3 sites by total charges", "SELECT site_name, sum(charge_usd) FROM meter_readings GROUP BY site_name ORDER BY sum(charge_usd) DESC LIMIT 3", ["group", "superlative", "aggregate"])
e(43, R, "which technician did the most reads", "SELECT technician, count(*) FROM meter_readings WHERE technician IS NOT NULL GROUP BY technician ORDER BY count(*) DESC LIMIT 1", ["group", "superlative", "aggregate"])
e(44, R, "average kwh per read type", "SELECT read_type, avg(kwh_used) FROM meter_readings GROUP BY read_type", ["group", "aggregate"])
e(45, R, "read types with more than 200 readings", "SELECT read_type, count(*) FROM meter_readings GROUP BY read_type HAVING count(*) > 200", ["group", "aggregate"])
e(46, R, "how many estimated reads this year", f"SELECT count(*) FROM meter_readings WHERE read_type = 'estimated' AND {THIS_YEAR('read_ts')}", ["aggregate", "category"], ["this_year"])
e(47, R, "total charges last month", f"SELECT sum(charge_usd) FROM meter_readings WHERE {LAST_MONTH('read_ts')}", ["aggregate"], ["last_month"])
e(48, R, "peak demand and charge for tampered reads", "SELECT peak_demand_kw, charge_usd FROM meter_readings WHERE tamper_flag = true", ["projection", "category"])
e(49, R, "what bill statuses are there", "SELECT DISTINCT bill_status FROM meter_readings", ["projection"])
e(50, R, "highest peak demand reading", "SELECT * FROM meter_readings ORDER BY peak_demand_kw DESC, read_id LIMIT 1", ["superlative", "sort_limit"])
e(51, R, "lowest charge on a billed read last year", f"SELECT min(charge_usd) FROM meter_readings WHERE bill_status = 'billed' AND {LAST_YEAR('read_ts')}", ["superlative", "aggregate", "category"], ["last_year"])
e(52, R, "which site exported the most kwh", "SELECT site_name, sum(kwh_exported) FROM meter_readings GROUP BY site_name ORDER BY sum(kwh_exported) DESC NULLS LAST LIMIT 1", ["group", "superlative", "aggregate"])
e(53, R, "avg outage minutes per region this year", f"SELECT region, avg(outage_mins) FROM meter_readings WHERE {THIS_YEAR('read_ts')} GROUP BY region", ["group", "aggregate"], ["this_year"])
e(54, R, "sites with at least 3 disputed reads", "SELECT site_name, count(*) FROM meter_readings WHERE bill_status = 'disputed' GROUP BY site_name HAVING count(*) >= 3", ["group", "aggregate", "category"])
e(55, R, "site and kwh of the 5 largest reads in october 2026", f"SELECT site_name, kwh_used FROM meter_readings WHERE {rng('read_ts', '2026-10-01', '2026-11-01')} ORDER BY kwh_used DESC, read_id LIMIT 5", ["projection", "superlative", "sort_limit"], ["month"])
e(56, R, "distinct sites with disputed bills", "SELECT DISTINCT site_name FROM meter_readings WHERE bill_status = 'disputed'", ["projection", "category"])
e(58, R, "count of reads per bill status", "SELECT bill_status, count(*) FROM meter_readings GROUP BY bill_status", ["group", "aggregate"])
e(59, R, "max peak demand by region", "SELECT region, max(peak_demand_kw) FROM meter_readings GROUP BY region", ["group", "aggregate"])
e(61, M, "which tariff has the highest average contract kw", "SELECT tariff_cd, avg(contract_kw) FROM meters GROUP BY tariff_cd ORDER BY avg(contract_kw) DESC LIMIT 1", ["group", "superlative", "aggregate"])
e(60, R, "which site had the most outage minutes last year", f"SELECT site_name, sum(outage_mins) FROM meter_readings WHERE {LAST_YEAR('read_ts')} GROUP BY site_name ORDER BY sum(outage_mins) DESC LIMIT 1", ["group", "superlative", "aggregate"], ["last_year"])
e(62, R, "which regions had tamper flagged reads", "SELECT DISTINCT region FROM meter_readings WHERE tamper_flag = true", ["projection", "category"])

# ---------------------------------------------------------------- carrental
A = "rental_agreements"
c = lambda i, *a, **k: q("carrental", f"cr{i:03d}", A, *a, **k)
S = "SELECT * FROM rental_agreements WHERE "
c(1, "suv rentals at denver airport", S + "car_class = 'suv' AND pickup_branch = 'Denver Airport'", ["category"])
c(2, "rentals picked up today", S + TODAY_R("pickup_ts"), [], ["today"], today="2026-11-19")
c(3, "cars returned yesterday", S + YESTERDAY("returned_ts"), [], ["yesterday"])
c(4, "no shows this month", S + "ra_status = 'no_show' AND " + THIS_MONTH("pickup_ts"), ["category"], ["this_month"])
c(5, "luxury rentals last month", S + "car_class = 'luxury' AND " + LAST_MONTH("pickup_ts"), ["category"], ["last_month"])
c(6, "one way rentals in 2025", S + "is_one_way = true AND " + rng("pickup_ts", "2025-01-01", "2026-01-01"), ["category"], ["year"])
c(7, "rentals with damage fees over $1k", S + "damage_fee_usd > 1000", ["number"])
c(8, "rentals longer than 10 days", S + "rental_days > 10", ["number"])
c(9, "daily rate between 100 and 150", S + "daily_rate BETWEEN 100 AND 150", ["number"])
c(10, "rentals with no renter email", S + "renter_email IS NULL", ["null"])
c(11, "walk-in rentals without a loyalty number", S + "booking_channel = 'Walk-in' AND loyalty_no IS NULL", ["category", "null"])
c(12, "cars currently on rent", S + "ra_status = 'on_rent'", ["category"])
c(13, "damage notes mentioning windshield", S + "damage_notes ILIKE '%windshield%'", ["text"])
c(14, "renters named zofia", S + "renter_name ILIKE 'zofia%'", ["text"])
c(15, "rentals not booked on the website", S + "booking_channel <> 'Website'", ["negation"])
c(16, "pickups outside denver airport and austin airport", S + "pickup_branch NOT IN ('Denver Airport', 'Austin Airport')", ["negation"])
c(17, "compact or economy rentals this week", S + "(car_class = 'compact' OR car_class = 'economy') AND " + THIS_WEEK("pickup_ts"), ["category", "boolean_logic"], ["this_week"])
c(18, "cancelled or no-show rentals last week", S + "(ra_status = 'cancelled' OR ra_status = 'no_show') AND " + LAST_WEEK("pickup_ts"), ["category", "boolean_logic"], ["last_week"])
c(19, "rentals with a promo code in q2 2026", S + "promo_cd IS NOT NULL AND " + rng("pickup_ts", "2026-04-01", "2026-07-01"), ["null"], ["quarter"])
c(20, "rentals with cdw before january 15, 2025", S + "cdw_purchased = true AND pickup_ts < " + T("2025-01-15"), ["category"], ["before"])
c(21, "cars returned since october 2026", S + "returned_ts >= " + T("2026-10-01"), [], ["since"])
c(22, "rentals in the last 7 days", S + "pickup_ts >= " + T(ago(7)), [], ["last_n_days"])
c(23, "agreements older than 800 days", S + "pickup_ts < " + T(ago(800)), [], ["older_than"])
c(24, "20 most recently returned rentals", "SELECT * FROM rental_agreements ORDER BY returned_ts DESC NULLS LAST, agreement_no LIMIT 20", ["sort_limit"])
c(25, "rental with the most miles driven", "SELECT * FROM rental_agreements ORDER BY miles_driven DESC NULLS LAST, agreement_no LIMIT 1", ["superlative", "sort_limit"])
c(26, "5 cheapest daily rates", "SELECT * FROM rental_agreements ORDER BY daily_rate ASC, agreement_no LIMIT 5", ["superlative", "sort_limit"])
c(27, "top 10 rentals by total charge", "SELECT * FROM rental_agreements ORDER BY total_chg_usd DESC, agreement_no LIMIT 10", ["superlative", "sort_limit"])
c(28, "how many rentals per car class", "SELECT car_class, count(*) FROM rental_agreements GROUP BY car_class", ["group", "aggregate"])
c(29, "total revenue by pickup branch", "SELECT pickup_branch, sum(total_chg_usd) FROM rental_agreements GROUP BY pickup_branch", ["group", "aggregate"])
c(30, "top 3 branches by number of pickups", "SELECT pickup_branch, count(*) FROM rental_agreements GROUP BY pickup_branch ORDER BY count(*) DESC LIMIT 3", ["group", "superlative", "aggregate"])
c(31, "which booking channel brings in the most revenue", "SELECT booking_channel, sum(total_chg_usd) FROM rental_agreements GROUP BY booking_channel ORDER BY sum(total_chg_usd) DESC LIMIT 1", ["group", "superlative", "aggregate"])
c(32, "average daily rate by car class", "SELECT car_class, avg(daily_rate) FROM rental_agreements GROUP BY car_class", ["group", "aggregate"])
c(33, "avg miles driven per class for returned rentals", "SELECT car_class, avg(miles_driven) FROM rental_agreements WHERE ra_status = 'returned' GROUP BY car_class", ["group", "aggregate", "category"])
c(34, "branches with more than 300 pickups", "SELECT pickup_branch, count(*) FROM rental_agreements GROUP BY pickup_branch HAVING count(*) > 300", ["group", "aggregate"])
c(35, "damage fees by return branch", "SELECT return_branch, sum(damage_fee_usd) FROM rental_agreements GROUP BY return_branch", ["group", "aggregate"])
c(36, "list the booking channels", "SELECT DISTINCT booking_channel FROM rental_agreements", ["projection"])
c(37, "which promo codes were used", "SELECT DISTINCT promo_cd FROM rental_agreements WHERE promo_cd IS NOT NULL", ["projection"])
c(38, "renter names and emails for luxury rentals this year", "SELECT renter_name, renter_email FROM rental_agreements WHERE car_class = 'luxury' AND " + THIS_YEAR("pickup_ts"), ["projection", "category"], ["this_year"])
c(39, "agreement numbers and damage fees for damaged cars", "SELECT agreement_no, damage_fee_usd FROM rental_agreements WHERE damage_fee_usd IS NOT NULL", ["projection", "null"])
c(40, "what's the average total charge for one-way rentals", "SELECT avg(total_chg_usd) FROM rental_agreements WHERE is_one_way = true", ["aggregate", "category"])
c(41, "how many no-shows last year", "SELECT count(*) FROM rental_agreements WHERE ra_status = 'no_show' AND " + LAST_YEAR("pickup_ts"), ["aggregate", "category"], ["last_year"])
c(42, "highest damage fee", "SELECT max(damage_fee_usd) FROM rental_agreements", ["superlative", "aggregate"])
c(43, "rentals per channel and average rental days", "SELECT booking_channel, count(*), avg(rental_days) FROM rental_agreements GROUP BY booking_channel", ["group", "aggregate"])
c(44, "car classes with avg daily rate over 70", "SELECT car_class, avg(daily_rate) FROM rental_agreements GROUP BY car_class HAVING avg(daily_rate) > 70", ["group", "aggregate"])
c(45, "which return branch gets the most one-way drop offs", "SELECT return_branch, count(*) FROM rental_agreements WHERE is_one_way = true GROUP BY return_branch ORDER BY count(*) DESC LIMIT 1", ["group", "superlative", "aggregate", "category"])
c(46, "total miles driven by car class in october 2026", "SELECT car_class, sum(miles_driven) FROM rental_agreements WHERE " + rng("pickup_ts", "2026-10-01", "2026-11-01") + " GROUP BY car_class", ["group", "aggregate"], ["month"])
c(47, "biggest bill in september 2026", "SELECT * FROM rental_agreements WHERE " + rng("pickup_ts", "2026-09-01", "2026-10-01") + " ORDER BY total_chg_usd DESC, agreement_no LIMIT 1", ["superlative", "sort_limit"], ["month"])
c(48, "pickup time and renter of the 5 latest minivan rentals", "SELECT pickup_ts, renter_name FROM rental_agreements WHERE car_class = 'minivan' ORDER BY pickup_ts DESC, agreement_no LIMIT 5", ["projection", "superlative", "sort_limit", "category"])
c(49, "distinct renters with damage fees this year", "SELECT DISTINCT renter_name FROM rental_agreements WHERE damage_fee_usd IS NOT NULL AND " + THIS_YEAR("pickup_ts"), ["projection", "null"], ["this_year"])
c(50, "number of rentals by status", "SELECT ra_status, count(*) FROM rental_agreements GROUP BY ra_status", ["group", "aggregate"])
c(51, "which car class has the highest average total charge", "SELECT car_class, avg(total_chg_usd) FROM rental_agreements GROUP BY car_class ORDER BY avg(total_chg_usd) DESC LIMIT 1", ["group", "superlative", "aggregate"])
c(53, "average fuel level at pickup by branch", "SELECT pickup_branch, avg(fuel_out_pct) FROM rental_agreements GROUP BY pickup_branch", ["group", "aggregate"])

# ---------------------------------------------------------------- vetclinic
V = "vet_visits"
v = lambda i, *a, **k: q("vetclinic", f"vv{i:03d}", V, *a, **k)
W = "SELECT * FROM vet_visits WHERE "
v(1, "cat dental visits", W + "species = 'Cat' AND visit_reason = 'dental'", ["category"])
v(2, "visits today", W + TODAY_R("visit_ts"), [], ["today"], today="2026-11-19")
v(4, "surgeries this week", W + "visit_reason = 'surgery' AND " + THIS_WEEK("visit_ts"), ["category"], ["this_week"])
v(5, "dr. ben hollis visits last week", W + "attending_vet = 'Dr. Ben Hollis' AND " + LAST_WEEK("visit_ts"), ["category"], ["last_week"])
v(6, "unpaid visits", W + "pay_status = 'pending'", ["category"])
v(7, "written off bills this year", W + "pay_status = 'written_off' AND " + THIS_YEAR("visit_ts"), ["category"], ["this_year"])
v(8, "invoices over $2,000", W + "invoice_amt > 2000", ["number"])
v(9, "dogs heavier than 40 kg", W + "species = 'Dog' AND weight_kg > 40", ["category", "number"])
v(10, "pets under 1 year old", W + "pet_age_yrs < 1", ["number"])
v(13, "owners with no email on file", W + "owner_email IS NULL", ["null"])
v(14, "pets without a microchip", W + "microchip_no IS NULL", ["null"])
v(15, "visits with a follow up scheduled", W + "followup_due_dt IS NOT NULL", ["null"])
v(16, "follow ups due this month", W + THIS_MONTH("followup_due_dt"), [], ["this_month"])
v(17, "notes mentioning extraction", W + "clinical_notes ILIKE '%extraction%'", ["text"])
v(18, "pets whose name starts with ma", W + "pet_name ILIKE 'ma%'", ["text"])
v(20, "animals other than dogs and cats", W + "species NOT IN ('Dog', 'Cat')", ["negation"])
v(21, "rabbits or birds seen in 2025", W + "(species = 'Rabbit' OR species = 'Bird') AND " + rng("visit_ts", "2025-01-01", "2026-01-01"), ["category", "boolean_logic"], ["year"])
v(22, "insured pets or bills sent to insurance", W + "(has_pet_insurance = true OR pay_status = 'insurance_claim')", ["category", "boolean_logic"])
v(23, "new clients in the last 30 days", W + "is_new_client = true AND visit_ts >= " + T(ago(30)), ["category"], ["last_n_days"])
v(24, "visits older than 600 days", W + "visit_ts < " + T(ago(600)), [], ["older_than"])
v(25, "visits before february 1, 2025", W + "visit_ts < " + T("2025-02-01"), [], ["before"])
v(26, "dermatology since august 2026", W + "visit_reason = 'dermatology' AND visit_ts >= " + T("2026-08-01"), ["category"], ["since"])
v(27, "reptile visits in q1 2026", W + "species = 'Reptile' AND " + rng("visit_ts", "2026-01-01", "2026-04-01"), ["category"], ["quarter"])
v(28, "last month's emergencies", W + "visit_reason = 'emergency' AND " + LAST_MONTH("visit_ts"), ["category"], ["last_month"])
v(29, "surgeries last year", W + "visit_reason = 'surgery' AND " + LAST_YEAR("visit_ts"), ["category"], ["last_year"])
v(30, "10 most expensive visits", "SELECT * FROM vet_visits ORDER BY invoice_amt DESC, visit_id LIMIT 10", ["superlative", "sort_limit"])
v(31, "heaviest dog", "SELECT * FROM vet_visits WHERE species = 'Dog' ORDER BY weight_kg DESC, visit_id LIMIT 1", ["superlative", "sort_limit", "category"])
v(32, "latest 5 surgeries", "SELECT * FROM vet_visits WHERE visit_reason = 'surgery' ORDER BY visit_ts DESC, visit_id LIMIT 5", ["sort_limit", "category"])
v(33, "visits per species", "SELECT species, count(*) FROM vet_visits GROUP BY species", ["group", "aggregate"])
v(34, "revenue by vet", "SELECT attending_vet, sum(invoice_amt) FROM vet_visits GROUP BY attending_vet", ["group", "aggregate"])
v(35, "which vet saw the most emergencies", "SELECT attending_vet, count(*) FROM vet_visits WHERE visit_reason = 'emergency' GROUP BY attending_vet ORDER BY count(*) DESC LIMIT 1", ["group", "superlative", "aggregate", "category"])
v(36, "top 3 visit reasons by total invoiced", "SELECT visit_reason, sum(invoice_amt) FROM vet_visits GROUP BY visit_reason ORDER BY sum(invoice_amt) DESC LIMIT 3", ["group", "superlative", "aggregate"])
v(37, "average invoice per visit reason", "SELECT visit_reason, avg(invoice_amt) FROM vet_visits GROUP BY visit_reason", ["group", "aggregate"])
v(38, "average wait by vet this year", "SELECT attending_vet, avg(wait_min) FROM vet_visits WHERE " + THIS_YEAR("visit_ts") + " GROUP BY attending_vet", ["group", "aggregate"], ["this_year"])
v(39, "reasons with more than 300 visits", "SELECT visit_reason, count(*) FROM vet_visits GROUP BY visit_reason HAVING count(*) > 300", ["group", "aggregate"])
v(40, "vets whose average invoice is over 290", "SELECT attending_vet, avg(invoice_amt) FROM vet_visits GROUP BY attending_vet HAVING avg(invoice_amt) > 290", ["group", "aggregate"])
v(41, "which species has the highest average bill", "SELECT species, avg(invoice_amt) FROM vet_visits GROUP BY species ORDER BY avg(invoice_amt) DESC LIMIT 1", ["group", "superlative", "aggregate"])
v(42, "list the vets", "SELECT DISTINCT attending_vet FROM vet_visits", ["projection"])
v(43, "pet names and owners for surgeries this month", "SELECT pet_name, owner_name FROM vet_visits WHERE visit_reason = 'surgery' AND " + THIS_MONTH("visit_ts"), ["projection", "category"], ["this_month"])
v(44, "owner names and phones for pending bills", "SELECT owner_name, owner_phone FROM vet_visits WHERE pay_status = 'pending'", ["projection", "category"])
v(45, "what payment statuses are there", "SELECT DISTINCT pay_status FROM vet_visits", ["projection"])
v(46, "owners with more than 8 visits", "SELECT owner_name, count(*) FROM vet_visits GROUP BY owner_name HAVING count(*) > 8", ["group", "aggregate"])
v(47, "how many visits per payment status", "SELECT pay_status, count(*) FROM vet_visits GROUP BY pay_status", ["group", "aggregate"])
v(48, "total prescriptions by species", "SELECT species, sum(rx_count) FROM vet_visits GROUP BY species", ["group", "aggregate"])
v(49, "most expensive surgery", "SELECT * FROM vet_visits WHERE visit_reason = 'surgery' ORDER BY invoice_amt DESC, visit_id LIMIT 1", ["superlative", "sort_limit", "category"])
v(50, "what's the lowest invoice for a dental", "SELECT min(invoice_amt) FROM vet_visits WHERE visit_reason = 'dental'", ["superlative", "aggregate", "category"])
v(51, "how many cats were seen last month", "SELECT count(*) FROM vet_visits WHERE species = 'Cat' AND " + LAST_MONTH("visit_ts"), ["aggregate", "category"], ["last_month"])
v(52, "average weight of rabbits", "SELECT avg(weight_kg) FROM vet_visits WHERE species = 'Rabbit'", ["aggregate", "category"])
v(53, "distinct owners of reptiles", "SELECT DISTINCT owner_name FROM vet_visits WHERE species = 'Reptile'", ["projection", "category"])
v(54, "visit time and invoice for the 3 priciest dog visits in october 2026", "SELECT visit_ts, invoice_amt FROM vet_visits WHERE species = 'Dog' AND " + rng("visit_ts", "2026-10-01", "2026-11-01") + " ORDER BY invoice_amt DESC, visit_id LIMIT 3", ["projection", "superlative", "sort_limit", "category"], ["month"])
v(55, "which vet wrote the most prescriptions", "SELECT attending_vet, sum(rx_count) FROM vet_visits GROUP BY attending_vet ORDER BY sum(rx_count) DESC LIMIT 1", ["group", "superlative", "aggregate"])
v(56, "average weight by species", "SELECT species, avg(weight_kg) FROM vet_visits GROUP BY species", ["group", "aggregate"])
v(57, "which vet has the longest average wait", "SELECT attending_vet, avg(wait_min) FROM vet_visits GROUP BY attending_vet ORDER BY avg(wait_min) DESC LIMIT 1", ["group", "superlative", "aggregate"])
v(58, "pet and owner names for reptile visits", "SELECT pet_name, owner_name FROM vet_visits WHERE species = 'Reptile'", ["projection", "category"])
v(59, "owner and species for visits over $3k", "SELECT owner_name, species FROM vet_visits WHERE invoice_amt > 3000", ["projection", "number"])
v(60, "distinct species seen by dr. femi adeyemi", "SELECT DISTINCT species FROM vet_visits WHERE attending_vet = 'Dr. Femi Adeyemi'", ["projection", "category"])

if __name__ == "__main__":
    for schema, qs in SETS.items():
        with open(os.path.join(HERE, schema, "questions.jsonl"), "w") as f:
            for x in qs:
                f.write(json.dumps(x, ensure_ascii=False) + "\n")
        a = sum(1 for x in qs if ANALYST & set(x["classes"]))
        print(schema, len(qs), "analyst", a)
