#!/usr/bin/env python3
"""Writes the questions of the unseen7 schemas into <schema>/questions.jsonl (ids fd..., py..., iv...).

Written blind (without reading the translator, its prompts or any earlier question file beyond its
first lines) and before the translator was run on them; gold SQL by docs/search-eval.md. Asked on
2026-11-20 (a Friday) unless a question says "today": that data ends before the as-of, so those are
asked on 2026-11-19, a day with data.
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = "2026-11-20"


def rng(col, a, b):
    return f"{col} >= TIMESTAMP '{a}' AND {col} < TIMESTAMP '{b}'"


SETS = {}


def add(schema, prefix, relation, question, gold, classes, dates=(), today=TODAY):
    qs = SETS.setdefault(schema, [])
    if "date" in classes:
        assert dates, question
    else:
        assert not dates, question
    qs.append({"id": f"{prefix}{len(qs) + 1:03d}", "relation": relation, "question": question, "gold": gold,
               "classes": list(classes), "dates": list(dates), "today": today})


# ---------------------------------------------------------------- fooddelivery
def fd(relation, question, gold, classes, dates=(), today=TODAY):
    add("fooddelivery", "fd", relation, question, gold, classes, dates, today)


O = "delivery_orders"
R = "restaurants"
fd(O, "orders placed today", f"SELECT * FROM {O} WHERE {rng('placed_ts', '2026-11-19', '2026-11-20')}",
   ["date"], ["today"], "2026-11-19")
fd(O, "avg order total by cuisine", f"SELECT cuisine, avg(order_total_usd) FROM {O} GROUP BY cuisine",
   ["group", "aggregate"])
fd(O, "orders delivered yesterday",
   f"SELECT * FROM {O} WHERE {rng('delivered_ts', '2026-11-19', '2026-11-20')}",
   ["date"], ["yesterday"])
fd(O, "top 5 restaurants by total tips",
   f"SELECT rest_name, sum(tip_amt) FROM {O} GROUP BY rest_name ORDER BY sum(tip_amt) DESC LIMIT 5",
   ["group", "aggregate", "sort_limit"])
fd(O, "orders over $100", f"SELECT * FROM {O} WHERE order_total_usd > 100", ["number"])
fd(O, "which courier delivered the most orders",
   f"SELECT courier_name, count(*) FROM {O} WHERE order_status = 'delivered' GROUP BY courier_name ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "category", "aggregate"])
fd(O, "tips between 5 and 10 dollars", f"SELECT * FROM {O} WHERE tip_amt BETWEEN 5 AND 10", ["number"])
fd(O, "how many orders per channel", f"SELECT channel, count(*) FROM {O} GROUP BY channel", ["group", "aggregate"])
fd(O, "orders with no customer email", f"SELECT * FROM {O} WHERE cust_email IS NULL", ["null"])
fd(O, "cuisines with more than 300 orders",
   f"SELECT cuisine, count(*) FROM {O} GROUP BY cuisine HAVING count(*) > 300", ["group", "aggregate"])
fd(O, "orders where the instructions mention an allergy",
   f"SELECT * FROM {O} WHERE special_instructions ILIKE '%allergy%'", ["text"])
fd(O, "sum of order totals by payment type last month",
   f"SELECT pay_type, sum(order_total_usd) FROM {O} WHERE {rng('placed_ts', '2026-10-01', '2026-11-01')} GROUP BY pay_type",
   ["group", "aggregate", "date"], ["last_month"])
fd(R, "restaurants starting with taq", f"SELECT * FROM {R} WHERE rest_name ILIKE 'taq%'", ["text"])
fd(O, "which promo codes have been used", f"SELECT DISTINCT promo_cd FROM {O} WHERE promo_cd IS NOT NULL",
   ["projection", "null"])
fd(R, "restaurants that haven't churned", f"SELECT * FROM {R} WHERE churned_on IS NULL", ["null"])
fd(O, "biggest order ever", f"SELECT * FROM {O} ORDER BY order_total_usd DESC, order_ref LIMIT 1",
   ["superlative", "sort_limit"])
fd(O, "orders not paid with a credit card", f"SELECT * FROM {O} WHERE pay_type <> 'credit_card'", ["negation"])
fd(O, "what's the longest delivery time in minutes", f"SELECT max(delivery_mins) FROM {O}",
   ["superlative", "aggregate"])
fd(R, "restaurants outside downtown and old town",
   f"SELECT * FROM {R} WHERE neighborhood NOT IN ('Downtown', 'Old Town')", ["negation", "category"])
fd(R, "names and ratings of thai restaurants", f"SELECT rest_name, rating FROM {R} WHERE cuisine = 'Thai'",
   ["projection", "category"])
fd(O, "paypal or apple pay orders last week",
   f"SELECT * FROM {O} WHERE (pay_type = 'paypal' OR pay_type = 'apple_pay') AND {rng('placed_ts', '2026-11-09', '2026-11-16')}",
   ["boolean_logic", "category", "date"], ["last_week"])
fd(R, "highest rated restaurant in old town",
   f"SELECT * FROM {R} WHERE neighborhood = 'Old Town' ORDER BY rating DESC, rest_id LIMIT 1",
   ["superlative", "category", "sort_limit"])
fd(O, "5 most recent failed deliveries",
   f"SELECT * FROM {O} WHERE order_status = 'failed_delivery' ORDER BY placed_ts DESC, order_ref LIMIT 5",
   ["category", "sort_limit"])
fd(R, "average rating per neighborhood", f"SELECT neighborhood, avg(rating) FROM {R} GROUP BY neighborhood",
   ["group", "aggregate"])
fd(O, "orders with a promo code in q3 2026",
   f"SELECT * FROM {O} WHERE promo_cd IS NOT NULL AND {rng('placed_ts', '2026-07-01', '2026-10-01')}",
   ["null", "date"], ["quarter"])
fd(R, "neighborhood with the most restaurants",
   f"SELECT neighborhood, count(*) FROM {R} GROUP BY neighborhood ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "aggregate"])
fd(O, "android orders over 3 miles in october 2026",
   f"SELECT * FROM {O} WHERE channel = 'Android App' AND distance_mi > 3 AND {rng('placed_ts', '2026-10-01', '2026-11-01')}",
   ["category", "number", "date"], ["month"])
fd(R, "how many restaurants in each price tier", f"SELECT price_tier, count(*) FROM {R} GROUP BY price_tier",
   ["group", "aggregate"])
fd(R, "restaurants onboarded in 2024", f"SELECT * FROM {R} WHERE {rng('onboarded_dt', '2024-01-01', '2025-01-01')}",
   ["date"], ["year"])
fd(O, "order refs and totals of refunded orders this month",
   f"SELECT order_ref, order_total_usd FROM {O} WHERE order_status = 'refunded' AND {rng('placed_ts', '2026-11-01', '2026-12-01')}",
   ["projection", "category", "date"], ["this_month"])
fd(O, "refunded orders older than 180 days",
   f"SELECT * FROM {O} WHERE order_status = 'refunded' AND placed_ts < TIMESTAMP '2026-05-24'",
   ["category", "date"], ["older_than"])
fd(O, "5 biggest tips", f"SELECT * FROM {O} ORDER BY tip_amt DESC, order_ref LIMIT 5",
   ["superlative", "sort_limit"])
fd(O, "1 or 2 star orders in the last 30 days",
   f"SELECT * FROM {O} WHERE (cust_rating = 1 OR cust_rating = 2) AND placed_ts >= TIMESTAMP '2026-10-21'",
   ["boolean_logic", "number", "date"], ["last_n_days"])
fd(O, "average tip per courier", f"SELECT courier_name, avg(tip_amt) FROM {O} GROUP BY courier_name",
   ["group", "aggregate"])
fd(R, "restaurants with commission of at least 25%", f"SELECT * FROM {R} WHERE commission_pct >= 25", ["number"])
fd(O, "top 3 customers by total spend",
   f"SELECT customer_name, sum(order_total_usd) FROM {O} GROUP BY customer_name ORDER BY sum(order_total_usd) DESC LIMIT 3",
   ["group", "aggregate", "sort_limit"])
fd(R, "restaurants that churned before march 1, 2025",
   f"SELECT * FROM {R} WHERE churned_on < TIMESTAMP '2025-03-01'", ["date"], ["before"])
fd(R, "name and cuisine of restaurants onboarded since january 2025",
   f"SELECT rest_name, cuisine FROM {R} WHERE onboarded_dt >= TIMESTAMP '2025-01-01'",
   ["projection", "date"], ["since"])
fd(R, "partner plus restaurants without an owner email",
   f"SELECT * FROM {R} WHERE is_partner_plus = true AND owner_email IS NULL", ["category", "null"])
fd(O, "which cuisine has the highest average delivery fee",
   f"SELECT cuisine, avg(delivery_fee) FROM {O} GROUP BY cuisine ORDER BY avg(delivery_fee) DESC LIMIT 1",
   ["group", "superlative", "aggregate"])
fd(O, "group orders this week",
   f"SELECT * FROM {O} WHERE is_group_order = true AND {rng('placed_ts', '2026-11-16', '2026-11-23')}",
   ["category", "date"], ["this_week"])
fd(O, "restaurants with at least 5 cancelled orders",
   f"SELECT rest_name, count(*) FROM {O} WHERE order_status = 'cancelled' GROUP BY rest_name HAVING count(*) >= 5",
   ["group", "category", "aggregate"])
fd(O, "orders using FREEDEL", f"SELECT * FROM {O} WHERE promo_cd = 'FREEDEL'", ["category"])
fd(O, "all the different payment types used on web", f"SELECT DISTINCT pay_type FROM {O} WHERE channel = 'Web'",
   ["projection", "category"])
fd(O, "kiosk orders", f"SELECT * FROM {O} WHERE channel = 'Partner Kiosk'", ["category"])
fd(O, "total items ordered per cuisine this year",
   f"SELECT cuisine, sum(item_cnt) FROM {O} WHERE {rng('placed_ts', '2026-01-01', '2027-01-01')} GROUP BY cuisine",
   ["group", "aggregate", "date"], ["this_year"])
fd(O, "orders this year that weren't delivered",
   f"SELECT * FROM {O} WHERE order_status <> 'delivered' AND {rng('placed_ts', '2026-01-01', '2027-01-01')}",
   ["negation", "date"], ["this_year"])
fd(O, "avg delivery minutes scheduled vs not", f"SELECT is_scheduled, avg(delivery_mins) FROM {O} GROUP BY is_scheduled",
   ["group", "aggregate"])
fd(O, "latest 10 orders over $150",
   f"SELECT * FROM {O} WHERE order_total_usd > 150 ORDER BY placed_ts DESC, order_ref LIMIT 10",
   ["number", "sort_limit"])
fd(O, "orders hana sato delivered last month",
   f"SELECT * FROM {O} WHERE courier_name = 'Hana Sato' AND {rng('delivered_ts', '2026-10-01', '2026-11-01')}",
   ["category", "date"], ["last_month"])
fd(R, "restaurants rated under 3.5", f"SELECT * FROM {R} WHERE rating < 3.5", ["number"])
fd(R, "3 quickest kitchens by prep time", f"SELECT * FROM {R} ORDER BY avg_prep_min ASC, rest_id LIMIT 3",
   ["superlative", "sort_limit"])
fd(R, "restaurants that joined last year", f"SELECT * FROM {R} WHERE {rng('onboarded_dt', '2025-01-01', '2026-01-01')}",
   ["date"], ["last_year"])
fd(O, "order count and average distance by channel",
   f"SELECT channel, count(*), avg(distance_mi) FROM {O} GROUP BY channel", ["group", "aggregate"])
fd(R, "which neighborhoods have partner plus restaurants",
   f"SELECT DISTINCT neighborhood FROM {R} WHERE is_partner_plus = true", ["projection", "category"])
fd(O, "avg tip by cuisine on cash orders",
   f"SELECT cuisine, avg(tip_amt) FROM {O} WHERE pay_type = 'cash' GROUP BY cuisine", ["group", "category", "aggregate"])


# ---------------------------------------------------------------- payroll
def py(relation, question, gold, classes, dates=(), today=TODAY):
    add("payroll", "py", relation, question, gold, classes, dates, today)


E = "employees"
P = "paychecks"
py(E, "how many employees in each department", f"SELECT dept, count(*) FROM {E} GROUP BY dept", ["group", "aggregate"])
py(E, "people hired this year", f"SELECT * FROM {E} WHERE {rng('hire_dt', '2026-01-01', '2027-01-01')}",
   ["date"], ["this_year"])
py(E, "average salary by office", f"SELECT office, avg(annual_salary) FROM {E} GROUP BY office", ["group", "aggregate"])
py(E, "sales hires from last year",
   f"SELECT * FROM {E} WHERE dept = 'Sales' AND {rng('hire_dt', '2025-01-01', '2026-01-01')}",
   ["category", "date"], ["last_year"])
py(P, "top 3 departments by total gross pay",
   f"SELECT dept, sum(gross_pay) FROM {P} GROUP BY dept ORDER BY sum(gross_pay) DESC LIMIT 3",
   ["group", "aggregate", "sort_limit"])
py(E, "terminated employees", f"SELECT * FROM {E} WHERE term_dt IS NOT NULL", ["null"])
py(E, "highest paid employee by salary",
   f"SELECT * FROM {E} ORDER BY annual_salary DESC NULLS LAST, emp_id LIMIT 1", ["superlative", "sort_limit"])
py(E, "staff with no personal email on file", f"SELECT * FROM {E} WHERE personal_email IS NULL", ["null"])
py(P, "total overtime hours by department in q3 2026",
   f"SELECT dept, sum(ot_hrs) FROM {P} WHERE {rng('pay_date', '2026-07-01', '2026-10-01')} GROUP BY dept",
   ["group", "aggregate", "date"], ["quarter"])
py(E, "everyone not in engineering", f"SELECT * FROM {E} WHERE dept <> 'Engineering'", ["negation"])
py(P, "departments with average net pay over 3000",
   f"SELECT dept, avg(net_pay) FROM {P} GROUP BY dept HAVING avg(net_pay) > 3000", ["group", "aggregate"])
py(E, "employees outside austin and seattle", f"SELECT * FROM {E} WHERE office NOT IN ('Austin', 'Seattle')",
   ["negation", "category"])
py(E, "names and work emails of the interns", f"SELECT full_name, work_email FROM {E} WHERE emp_type = 'intern'",
   ["projection", "category"])
py(E, "salaries over 150k", f"SELECT * FROM {E} WHERE annual_salary > 150000", ["number"])
py(E, "distinct job levels in engineering", f"SELECT DISTINCT job_level FROM {E} WHERE dept = 'Engineering'",
   ["projection", "category"])
py(E, "hourly rate between 25 and 30", f"SELECT * FROM {E} WHERE hourly_rate_usd BETWEEN 25 AND 30", ["number"])
py(P, "biggest bonus paid this year",
   f"SELECT max(bonus_usd) FROM {P} WHERE {rng('pay_date', '2026-01-01', '2027-01-01')}",
   ["superlative", "aggregate", "date"], ["this_year"])
py(P, "paychecks that include a bonus", f"SELECT * FROM {P} WHERE bonus_usd IS NOT NULL", ["null"])
py(P, "largest single paycheck", f"SELECT * FROM {P} ORDER BY gross_pay DESC, check_id LIMIT 1",
   ["superlative", "sort_limit"])
py(P, "checks with garnishment in the note", f"SELECT * FROM {P} WHERE adj_note ILIKE '%garnishment%'", ["text"])
py(P, "who worked the most overtime in october 2026",
   f"SELECT employee_name, sum(ot_hrs) FROM {P} WHERE {rng('pay_date', '2026-10-01', '2026-11-01')} GROUP BY employee_name ORDER BY sum(ot_hrs) DESC LIMIT 1",
   ["group", "superlative", "aggregate", "date"], ["month"])
py(E, "employees whose name starts with kav", f"SELECT * FROM {E} WHERE full_name ILIKE 'kav%'", ["text"])
py(E, "avg pto balance per job level", f"SELECT job_level, avg(pto_bal_hrs) FROM {E} GROUP BY job_level",
   ["group", "aggregate"])
py(P, "voided or reissued checks", f"SELECT * FROM {P} WHERE (pay_status = 'voided' OR pay_status = 'reissued')",
   ["boolean_logic", "category"])
py(P, "number of paychecks by pay method", f"SELECT pay_method, count(*) FROM {P} GROUP BY pay_method",
   ["group", "aggregate"])
py(P, "paper checks since september 2026",
   f"SELECT * FROM {P} WHERE pay_method = 'paper_check' AND pay_date >= TIMESTAMP '2026-09-01'",
   ["category", "date"], ["since"])
py(P, "top 5 employees by total net pay this year",
   f"SELECT employee_name, sum(net_pay) FROM {P} WHERE {rng('pay_date', '2026-01-01', '2027-01-01')} GROUP BY employee_name ORDER BY sum(net_pay) DESC LIMIT 5",
   ["group", "aggregate", "sort_limit", "date"], ["this_year"])
py(E, "employees hired before january 1, 2018", f"SELECT * FROM {E} WHERE hire_dt < TIMESTAMP '2018-01-01'",
   ["date"], ["before"])
py(E, "offices where the average hourly rate is above 29",
   f"SELECT office, avg(hourly_rate_usd) FROM {E} GROUP BY office HAVING avg(hourly_rate_usd) > 29",
   ["group", "aggregate"])
py(P, "checks processed in the last 14 days", f"SELECT * FROM {P} WHERE processed_at >= TIMESTAMP '2026-11-06'",
   ["date"], ["last_n_days"])
py(E, "lowest hourly rate we pay", f"SELECT min(hourly_rate_usd) FROM {E}", ["superlative", "aggregate"])
py(P, "pending checks", f"SELECT * FROM {P} WHERE pay_status = 'pending'", ["category"])
py(P, "federal tax withheld per pay date this month",
   f"SELECT pay_date, sum(fed_tax_withheld) FROM {P} WHERE {rng('pay_date', '2026-11-01', '2026-12-01')} GROUP BY pay_date",
   ["group", "aggregate", "date"], ["this_month"])
py(P, "paychecks with more than 10 ot hours", f"SELECT * FROM {P} WHERE ot_hrs > 10", ["number"])
py(E, "names and hire dates of legal staff", f"SELECT full_name, hire_dt FROM {E} WHERE dept = 'Legal'",
   ["projection", "category"])
py(E, "exempt employees not enrolled in 401k", f"SELECT * FROM {E} WHERE is_exempt = true AND has_401k = false",
   ["category", "negation"])
py(E, "most recent hire", f"SELECT * FROM {E} ORDER BY hire_dt DESC, emp_id LIMIT 1", ["superlative", "sort_limit"])
py(E, "directors or managers in chicago",
   f"SELECT * FROM {E} WHERE (job_level = 'director' OR job_level = 'manager') AND office = 'Chicago'",
   ["boolean_logic", "category"])
py(E, "which department has the fewest people",
   f"SELECT dept, count(*) FROM {E} GROUP BY dept ORDER BY count(*) ASC LIMIT 1", ["group", "superlative", "aggregate"])
py(E, "10 longest tenured employees still here",
   f"SELECT * FROM {E} WHERE term_dt IS NULL ORDER BY hire_dt ASC, emp_id LIMIT 10", ["null", "sort_limit"])
py(P, "check ids and net pay for checks voided last month",
   f"SELECT check_id, net_pay FROM {P} WHERE {rng('voided_at', '2026-10-01', '2026-11-01')}",
   ["projection", "date"], ["last_month"])
py(P, "5 most recently processed checks over 5k",
   f"SELECT * FROM {P} WHERE gross_pay > 5000 ORDER BY processed_at DESC, check_id LIMIT 5",
   ["number", "sort_limit"])
py(P, "count of off-cycle checks per department",
   f"SELECT dept, count(*) FROM {P} WHERE check_type = 'off_cycle' GROUP BY dept", ["group", "category", "aggregate"])
py(E, "people who left in 2026", f"SELECT * FROM {E} WHERE {rng('term_dt', '2026-01-01', '2027-01-01')}",
   ["date"], ["year"])
py(P, "total retirement contributions per department",
   f"SELECT dept, sum(retirement_contrib) FROM {P} GROUP BY dept", ["group", "aggregate"])
py(E, "employees with less than 8 hours of pto", f"SELECT * FROM {E} WHERE pto_bal_hrs < 8", ["number"])
py(E, "which offices have interns", f"SELECT DISTINCT office FROM {E} WHERE emp_type = 'intern'",
   ["projection", "category"])
py(P, "checks voided this week", f"SELECT * FROM {P} WHERE {rng('voided_at', '2026-11-16', '2026-11-23')}",
   ["date"], ["this_week"])
py(P, "final paychecks", f"SELECT * FROM {P} WHERE check_type = 'final'", ["category"])
py(P, "what's the average net pay on paper checks", f"SELECT avg(net_pay) FROM {P} WHERE pay_method = 'paper_check'",
   ["aggregate", "category"])
py(P, "checks not paid by direct deposit in q2 2026",
   f"SELECT * FROM {P} WHERE pay_method <> 'direct_deposit' AND {rng('pay_date', '2026-04-01', '2026-07-01')}",
   ["negation", "date"], ["quarter"])
py(P, "pay card checks older than 200 days",
   f"SELECT * FROM {P} WHERE pay_method = 'pay_card' AND pay_date < TIMESTAMP '2026-05-04'",
   ["category", "date"], ["older_than"])
py(E, "which manager has the most reports in austin",
   f"SELECT mgr_name, count(*) FROM {E} WHERE office = 'Austin' GROUP BY mgr_name ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "category", "aggregate"])
py(P, "average gross pay by check type", f"SELECT check_type, avg(gross_pay) FROM {P} GROUP BY check_type",
   ["group", "aggregate"])
py(P, "which employee got the most bonus money",
   f"SELECT employee_name, sum(bonus_usd) FROM {P} WHERE bonus_usd IS NOT NULL GROUP BY employee_name ORDER BY sum(bonus_usd) DESC LIMIT 1",
   ["group", "superlative", "aggregate"])
py(E, "full names of people managed by ines carvalho",
   f"SELECT full_name FROM {E} WHERE mgr_name = 'Ines Carvalho'", ["projection", "category"])


# ---------------------------------------------------------------- inventory
def iv(relation, question, gold, classes, dates=(), today=TODAY):
    add("inventory", "iv", relation, question, gold, classes, dates, today)


M = "inventory_moves"
S = "stock_items"
iv(M, "moves today", f"SELECT * FROM {M} WHERE {rng('moved_at', '2026-11-19', '2026-11-20')}",
   ["date"], ["today"], "2026-11-19")
iv(M, "total qty picked per site", f"SELECT site, sum(qty) FROM {M} WHERE move_type = 'pick' GROUP BY site",
   ["group", "category", "aggregate"])
iv(M, "receipts yesterday",
   f"SELECT * FROM {M} WHERE move_type = 'receipt' AND {rng('moved_at', '2026-11-19', '2026-11-20')}",
   ["category", "date"], ["yesterday"])
iv(M, "top 5 skus by total picked quantity",
   f"SELECT sku_code, sum(qty) FROM {M} WHERE move_type = 'pick' GROUP BY sku_code ORDER BY sum(qty) DESC LIMIT 5",
   ["group", "category", "aggregate", "sort_limit"])
iv(M, "pending moves", f"SELECT * FROM {M} WHERE move_status = 'Pending'", ["category"])
iv(M, "which operator handled the most moves",
   f"SELECT operator_id, count(*) FROM {M} GROUP BY operator_id ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "aggregate"])
iv(M, "moves not posted yet", f"SELECT * FROM {M} WHERE posted_at IS NULL", ["null"])
iv(S, "average unit cost by category", f"SELECT category, avg(unit_cost) FROM {S} GROUP BY category",
   ["group", "aggregate"])
iv(M, "picks with no operator", f"SELECT * FROM {M} WHERE move_type = 'pick' AND operator_id IS NULL",
   ["category", "null"])
iv(S, "suppliers with more than 10 items",
   f"SELECT supplier_name, count(*) FROM {S} GROUP BY supplier_name HAVING count(*) > 10", ["group", "aggregate"])
iv(M, "moves with damage in the reason", f"SELECT * FROM {M} WHERE reason_txt ILIKE '%damage%'", ["text"])
iv(S, "supplier with the most skus",
   f"SELECT supplier_name, count(*) FROM {S} GROUP BY supplier_name ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "aggregate"])
iv(S, "items with stainless in the description", f"SELECT * FROM {S} WHERE item_desc ILIKE '%stainless%'", ["text"])
iv(S, "uoms used for packaging", f"SELECT DISTINCT uom FROM {S} WHERE category = 'Packaging'",
   ["projection", "category"])
iv(S, "skus starting with ele", f"SELECT * FROM {S} WHERE sku_code ILIKE 'ele%'", ["text"])
iv(S, "most expensive item", f"SELECT * FROM {S} ORDER BY unit_cost DESC, item_id LIMIT 1",
   ["superlative", "sort_limit"])
iv(M, "moves at reno or memphis this week",
   f"SELECT * FROM {M} WHERE (site = 'Reno DC' OR site = 'Memphis DC') AND {rng('moved_at', '2026-11-16', '2026-11-23')}",
   ["boolean_logic", "category", "date"], ["this_week"])
iv(S, "sku and description of discontinued items",
   f"SELECT sku_code, item_desc FROM {S} WHERE is_discontinued = true", ["projection", "category"])
iv(M, "non-pick moves last week",
   f"SELECT * FROM {M} WHERE move_type <> 'pick' AND {rng('moved_at', '2026-11-09', '2026-11-16')}",
   ["negation", "date"], ["last_week"])
iv(M, "carrier with the most receipts",
   f"SELECT carrier, count(*) FROM {M} WHERE move_type = 'receipt' GROUP BY carrier ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "category", "aggregate"])
iv(S, "items not in tools or fasteners", f"SELECT * FROM {S} WHERE category NOT IN ('Tools', 'Fasteners')",
   ["negation", "category"])
iv(M, "heaviest move", f"SELECT * FROM {M} ORDER BY weight_lbs DESC, move_id LIMIT 1", ["superlative", "sort_limit"])
iv(M, "moves over 500 units", f"SELECT * FROM {M} WHERE qty > 500", ["number"])
iv(M, "number of moves by type and site", f"SELECT move_type, site, count(*) FROM {M} GROUP BY move_type, site",
   ["group", "aggregate"])
iv(S, "items costing between 20 and 50", f"SELECT * FROM {S} WHERE unit_cost BETWEEN 20 AND 50", ["number"])
iv(M, "sites with more than 30 reversed moves",
   f"SELECT site, count(*) FROM {M} WHERE move_status = 'Reversed' GROUP BY site HAVING count(*) > 30",
   ["group", "category", "aggregate"])
iv(S, "items with more than 1k on hand", f"SELECT * FROM {S} WHERE qty_on_hand > 1000", ["number"])
iv(S, "avg qty on hand per category", f"SELECT category, avg(qty_on_hand) FROM {S} GROUP BY category",
   ["group", "aggregate"])
iv(S, "items added in 2024", f"SELECT * FROM {S} WHERE {rng('created_dt', '2024-01-01', '2025-01-01')}",
   ["date"], ["year"])
iv(M, "what's the largest receipt quantity", f"SELECT max(qty) FROM {M} WHERE move_type = 'receipt'",
   ["superlative", "category", "aggregate"])
iv(M, "adjustments this month",
   f"SELECT * FROM {M} WHERE move_type = 'adjustment' AND {rng('moved_at', '2026-11-01', '2026-12-01')}",
   ["category", "date"], ["this_month"])
iv(S, "top 3 categories by units on hand",
   f"SELECT category, sum(qty_on_hand) FROM {S} GROUP BY category ORDER BY sum(qty_on_hand) DESC LIMIT 3",
   ["group", "aggregate", "sort_limit"])
iv(M, "allentown moves last month",
   f"SELECT * FROM {M} WHERE site = 'Allentown DC' AND {rng('moved_at', '2026-10-01', '2026-11-01')}",
   ["category", "date"], ["last_month"])
iv(M, "which site had the most adjustments last month",
   f"SELECT site, count(*) FROM {M} WHERE move_type = 'adjustment' AND {rng('moved_at', '2026-10-01', '2026-11-01')} GROUP BY site ORDER BY count(*) DESC LIMIT 1",
   ["group", "superlative", "category", "aggregate", "date"], ["last_month"])
iv(M, "reversed moves in the last 60 days",
   f"SELECT * FROM {M} WHERE move_status = 'Reversed' AND moved_at >= TIMESTAMP '2026-09-21'",
   ["category", "date"], ["last_n_days"])
iv(M, "what reasons were given for scrapping",
   f"SELECT DISTINCT reason_txt FROM {M} WHERE move_type = 'scrap' AND reason_txt IS NOT NULL",
   ["projection", "category", "null"])
iv(M, "returns to vendor in q1 2026",
   f"SELECT * FROM {M} WHERE move_type = 'return_to_vendor' AND {rng('moved_at', '2026-01-01', '2026-04-01')}",
   ["category", "date"], ["quarter"])
iv(S, "5 cheapest safety gear items",
   f"SELECT * FROM {S} WHERE category = 'Safety Gear' ORDER BY unit_cost ASC, item_id LIMIT 5",
   ["superlative", "category", "sort_limit"])
iv(S, "items last counted before january 1, 2026", f"SELECT * FROM {S} WHERE last_counted_on < TIMESTAMP '2026-01-01'",
   ["date"], ["before"])
iv(S, "items that were never counted", f"SELECT * FROM {S} WHERE last_counted_on IS NULL", ["null"])
iv(M, "average weight per move type", f"SELECT move_type, avg(weight_lbs) FROM {M} GROUP BY move_type",
   ["group", "aggregate"])
iv(M, "rush picks since october 2026",
   f"SELECT * FROM {M} WHERE is_rush = true AND moved_at >= TIMESTAMP '2026-10-01'", ["category", "date"], ["since"])
iv(M, "total receipt cost per site in 2025",
   f"SELECT site, sum(ext_cost_usd) FROM {M} WHERE move_type = 'receipt' AND {rng('moved_at', '2025-01-01', '2026-01-01')} GROUP BY site",
   ["group", "category", "aggregate", "date"], ["year"])
iv(M, "ups freight moves older than 365 days",
   f"SELECT * FROM {M} WHERE carrier = 'UPS Freight' AND moved_at < TIMESTAMP '2025-11-20'",
   ["category", "date"], ["older_than"])
iv(M, "10 biggest receipts by cost",
   f"SELECT * FROM {M} WHERE move_type = 'receipt' ORDER BY ext_cost_usd DESC, move_id LIMIT 10",
   ["category", "sort_limit", "superlative"])
iv(M, "move ids and quantities of transfers into memphis this month",
   f"SELECT move_id, qty FROM {M} WHERE move_type = 'transfer' AND to_site = 'Memphis DC' AND {rng('moved_at', '2026-11-01', '2026-12-01')}",
   ["projection", "category", "date"], ["this_month"])
iv(M, "latest 5 scrap moves", f"SELECT * FROM {M} WHERE move_type = 'scrap' ORDER BY moved_at DESC, move_id LIMIT 5",
   ["category", "sort_limit"])
iv(M, "adjustments in august 2026",
   f"SELECT * FROM {M} WHERE move_type = 'adjustment' AND {rng('moved_at', '2026-08-01', '2026-09-01')}",
   ["category", "date"], ["month"])
iv(S, "items below their reorder point", f"SELECT * FROM {S} WHERE qty_on_hand < reorder_pt", ["number"])
iv(M, "operators with at least 240 moves",
   f"SELECT operator_id, count(*) FROM {M} GROUP BY operator_id HAVING count(*) >= 240", ["group", "aggregate"])
iv(S, "3 items with the most on hand", f"SELECT * FROM {S} ORDER BY qty_on_hand DESC, item_id LIMIT 3",
   ["superlative", "sort_limit"])
iv(S, "hazmat items not discontinued", f"SELECT * FROM {S} WHERE is_hazmat = true AND is_discontinued = false",
   ["category", "negation"])
iv(S, "which category has the highest average unit cost",
   f"SELECT category, avg(unit_cost) FROM {S} GROUP BY category ORDER BY avg(unit_cost) DESC LIMIT 1",
   ["group", "superlative", "aggregate"])
iv(S, "bin locations of hazmat items", f"SELECT bin_loc FROM {S} WHERE is_hazmat = true", ["projection", "category"])


if __name__ == "__main__":
    for schema, qs in SETS.items():
        with open(os.path.join(HERE, schema, "questions.jsonl"), "w") as f:
            for q in qs:
                f.write(json.dumps(q) + "\n")
        print(schema, len(qs))
