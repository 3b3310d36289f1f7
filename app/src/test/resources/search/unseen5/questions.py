#!/usr/bin/env python3
"""Writes the questions of the unseen5 schemas into <schema>/questions.jsonl (ids rt..., bg..., tk...).

Written blind (without reading the translator, its prompts or any earlier question file beyond its
first lines) and before the translator was run on them. Gold SQL by docs/search-eval.md. Questions
are asked on 2026-11-20 unless they say "today" about data that ends before the as-of (then 2026-11-19).
"""
import datetime as dt
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TODAY = dt.date(2026, 11, 20)


def ago(days, today=TODAY):
    return (today - dt.timedelta(days=days)).isoformat()


def rng(col, a, b):
    return f"{col} >= TIMESTAMP '{a}' AND {col} < TIMESTAMP '{b}'"


def today_(col):
    return rng(col, "2026-11-19", "2026-11-20")


def yesterday(col):
    return rng(col, "2026-11-19", "2026-11-20")


def this_week(col):
    return rng(col, "2026-11-16", "2026-11-23")


def last_week(col):
    return rng(col, "2026-11-09", "2026-11-16")


def this_month(col):
    return rng(col, "2026-11-01", "2026-12-01")


def last_month(col):
    return rng(col, "2026-10-01", "2026-11-01")


def year(col, y):
    return rng(col, f"{y}-01-01", f"{y + 1}-01-01")


def quarter(col, q, y):
    start = dt.date(y, 3 * q - 2, 1)
    end = dt.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
    return rng(col, start.isoformat(), end.isoformat())


def month(col, m, y):
    start = dt.date(y, m, 1)
    end = dt.date(y + (m == 12), 1 if m == 12 else m + 1, 1)
    return rng(col, start.isoformat(), end.isoformat())


SETS = {}


def add(schema, prefix, rows):
    out = []
    for n, r in enumerate(rows, 1):
        relation, question, gold, classes = r[:4]
        dates = r[4] if len(r) > 4 else []
        today = r[5] if len(r) > 5 else "2026-11-20"
        assert ("date" in classes) == bool(dates), question
        out.append({"id": f"{prefix}{n:03d}", "relation": relation, "question": question, "gold": gold,
                    "classes": classes, "dates": dates, "today": today})
    SETS[schema] = out


# ---------------------------------------------------------------------------------------- rentals
P, L = "properties", "leases"
add("rentals", "rt", [
    (L, "leases signed today", f"SELECT * FROM leases WHERE {today_('signed_ts')}", ["date"], ["today"], "2026-11-19"),
    (L, "active leases in denver", "SELECT * FROM leases WHERE lease_status = 'active' AND city = 'Denver'", ["category"]),
    (L, "month to month leases", "SELECT * FROM leases WHERE lease_status = 'month_to_month'", ["category"]),
    (L, "leases with rent over $3k", "SELECT * FROM leases WHERE monthly_rent_usd > 3000", ["number"]),
    (P, "units under 800 sq ft", "SELECT * FROM properties WHERE sqft < 800", ["number"]),
    (L, "leases signed last week", f"SELECT * FROM leases WHERE {last_week('signed_ts')}", ["date"], ["last_week"]),
    (L, "show me leases signed this month in austin", f"SELECT * FROM leases WHERE {this_month('signed_ts')} AND city = 'Austin'", ["date", "category"], ["this_month"]),
    (P, "properties listed in 2024", f"SELECT * FROM properties WHERE {year('listed_dt', 2024)}", ["date"], ["year"]),
    (L, "tenants with no email on file", "SELECT * FROM leases WHERE tenant_email IS NULL", ["null"]),
    (P, "properties missing an inspection date", "SELECT * FROM properties WHERE last_inspected_on IS NULL", ["null"]),
    (L, "leases with notes about the deposit", "SELECT * FROM leases WHERE notes ILIKE '%deposit%'", ["text"]),
    (P, "properties on willow creek", "SELECT * FROM properties WHERE address_line ILIKE '%willow creek%'", ["text"]),
    (L, "tenants whose name starts with mar", "SELECT * FROM leases WHERE tenant_name ILIKE 'mar%'", ["text"]),
    (L, "leases outside austin and tampa", "SELECT * FROM leases WHERE city NOT IN ('Austin', 'Tampa')", ["negation"]),
    (P, "all properties except apartments", "SELECT * FROM properties WHERE prop_type <> 'apartment'", ["negation"]),
    (P, "furnished or pet friendly properties", "SELECT * FROM properties WHERE (is_furnished = true OR pets_ok = true)", ["boolean_logic"]),
    (P, "condos or townhouses with parking", "SELECT * FROM properties WHERE (prop_type = 'condo' OR prop_type = 'townhouse') AND has_parking = true", ["boolean_logic", "category"]),
    (L, "tenants who moved out last month", f"SELECT * FROM leases WHERE {last_month('moved_out_on')}", ["date"], ["last_month"]),
    (L, "leases signed before march 1, 2024", "SELECT * FROM leases WHERE signed_ts < TIMESTAMP '2024-03-01'", ["date"], ["before"]),
    (L, "leases in q2 2025", f"SELECT * FROM leases WHERE {quarter('signed_ts', 2, 2025)}", ["date"], ["quarter"]),
    (P, "2 bed places between 1500 and 2000 a month", "SELECT * FROM properties WHERE beds = 2 AND list_rent_usd BETWEEN 1500 AND 2000", ["number"]),
    (L, "leases with 3 or more late payments", "SELECT * FROM leases WHERE late_pmt_cnt >= 3", ["number"]),
    (P, "listings older than 1500 days", f"SELECT * FROM properties WHERE listed_dt < TIMESTAMP '{ago(1500)}'", ["date"], ["older_than"]),
    (L, "leases signed in the last 10 days", f"SELECT * FROM leases WHERE signed_ts >= TIMESTAMP '{ago(10)}'", ["date"], ["last_n_days"]),
    (L, "5 newest leases", "SELECT * FROM leases ORDER BY signed_ts DESC, lease_id LIMIT 5", ["sort_limit"]),
    (P, "vacant listings in portland", "SELECT * FROM properties WHERE occupancy_status = 'Vacant' AND city = 'Portland'", ["category"]),
    (L, "auto-renewing leases with no agent", "SELECT * FROM leases WHERE is_auto_renew = true AND leasing_agent IS NULL", ["null"]),
    (L, "how many leases were signed yesterday", f"SELECT count(*) FROM leases WHERE {yesterday('signed_ts')}", ["aggregate", "date"], ["yesterday"]),
    # analyst
    (L, "tenant names and emails for leases signed this week", f"SELECT tenant_name, tenant_email FROM leases WHERE {this_week('signed_ts')}", ["projection", "date"], ["this_week"]),
    (P, "address and asking rent of vacant properties", "SELECT address_line, list_rent_usd FROM properties WHERE occupancy_status = 'Vacant'", ["projection", "category"]),
    (P, "which cities do we have properties in", "SELECT DISTINCT city FROM properties", ["projection"]),
    (L, "list the different lease statuses", "SELECT DISTINCT lease_status FROM leases", ["projection"]),
    (P, "which owners have duplexes", "SELECT DISTINCT owner_name FROM properties WHERE prop_type = 'duplex'", ["projection", "category"]),
    (L, "tenant and move-out date for early terminations", "SELECT tenant_name, moved_out_on FROM leases WHERE lease_status = 'terminated_early'", ["projection", "category"]),
    (L, "rent and deposit for 18 month leases", "SELECT monthly_rent_usd, security_deposit_usd FROM leases WHERE term_mo = 18", ["projection", "number"]),
    (P, "most expensive property", "SELECT * FROM properties ORDER BY list_rent_usd DESC, property_id LIMIT 1", ["superlative"]),
    (P, "biggest place in austin", "SELECT * FROM properties WHERE city = 'Austin' ORDER BY sqft DESC, property_id LIMIT 1", ["superlative", "category"]),
    (P, "largest 2 bedroom", "SELECT * FROM properties WHERE beds = 2 ORDER BY sqft DESC, property_id LIMIT 1", ["superlative", "number"]),
    (L, "top 5 leases by monthly rent signed this year", f"SELECT * FROM leases WHERE {year('signed_ts', 2026)} ORDER BY monthly_rent_usd DESC, lease_id LIMIT 5", ["superlative", "date"], ["this_year"]),
    (P, "cheapest 3 bedroom", "SELECT * FROM properties WHERE beds = 3 ORDER BY list_rent_usd ASC, property_id LIMIT 1", ["superlative", "number"]),
    (L, "what's the highest security deposit", "SELECT max(security_deposit_usd) FROM leases", ["superlative", "aggregate"]),
    (L, "leases by status", "SELECT lease_status, count(*) FROM leases GROUP BY lease_status", ["group", "aggregate"]),
    (P, "average asking rent per city", "SELECT city, avg(list_rent_usd) FROM properties GROUP BY city", ["group", "aggregate"]),
    (P, "how many properties of each type", "SELECT prop_type, count(*) FROM properties GROUP BY prop_type", ["group", "aggregate"]),
    (L, "total monthly rent by leasing agent for active leases", "SELECT leasing_agent, sum(monthly_rent_usd) FROM leases WHERE lease_status = 'active' GROUP BY leasing_agent", ["group", "aggregate", "category"]),
    (L, "which city has the most active leases", "SELECT city, count(*) FROM leases WHERE lease_status = 'active' GROUP BY city ORDER BY count(*) DESC LIMIT 1", ["group", "superlative", "category"]),
    (P, "top 2 owners by number of properties", "SELECT owner_name, count(*) FROM properties GROUP BY owner_name ORDER BY count(*) DESC LIMIT 2", ["group", "superlative"]),
    (L, "agents with more than 270 leases", "SELECT leasing_agent, count(*) FROM leases GROUP BY leasing_agent HAVING count(*) > 270", ["group", "aggregate"]),
    (P, "avg sqft by number of beds", "SELECT beds, avg(sqft) FROM properties GROUP BY beds", ["group", "aggregate"]),
    (L, "cities where the average lease rent is over 2500", "SELECT city, avg(monthly_rent_usd) FROM leases GROUP BY city HAVING avg(monthly_rent_usd) > 2500", ["group", "aggregate"]),
    (L, "number of leases per term length", "SELECT term_mo, count(*) FROM leases GROUP BY term_mo", ["group", "aggregate"]),
    (P, "owner with the highest total asking rent", "SELECT owner_name, sum(list_rent_usd) FROM properties GROUP BY owner_name ORDER BY sum(list_rent_usd) DESC LIMIT 1", ["group", "superlative"]),
    (P, "count of vacant units per city", "SELECT city, count(*) FROM properties WHERE occupancy_status = 'Vacant' GROUP BY city", ["group", "aggregate", "category"]),
    (L, "which agent signed the most leases last year", f"SELECT leasing_agent, count(*) FROM leases WHERE {year('signed_ts', 2025)} GROUP BY leasing_agent ORDER BY count(*) DESC LIMIT 1", ["group", "superlative", "date"], ["last_year"]),
    (P, "min and max rent by property type", "SELECT prop_type, min(list_rent_usd), max(list_rent_usd) FROM properties GROUP BY prop_type", ["group", "aggregate"]),
    (L, "late payments per agent since june 2026", "SELECT leasing_agent, sum(late_pmt_cnt) FROM leases WHERE signed_ts >= TIMESTAMP '2026-06-01' GROUP BY leasing_agent", ["group", "aggregate", "date"], ["since"]),
])

# ------------------------------------------------------------------------------------ bugtracker
D = "defects"
add("bugtracker", "bg", [
    (D, "bugs opened today", f"SELECT * FROM defects WHERE {today_('created_ts')}", ["date"], ["today"], "2026-11-19"),
    (D, "critical billing bugs", "SELECT * FROM defects WHERE severity = 'critical' AND component = 'Billing'", ["category"]),
    (D, "p0 bugs", "SELECT * FROM defects WHERE prio = 0", ["category"]),
    (D, "bugs affecting more than 10k users", "SELECT * FROM defects WHERE affected_users > 10000", ["number"]),
    (D, "bugs between 5 and 8 story points", "SELECT * FROM defects WHERE story_pts BETWEEN 5 AND 8", ["number"]),
    (D, "bugs reported yesterday", f"SELECT * FROM defects WHERE {yesterday('created_ts')}", ["date"], ["yesterday"]),
    (D, "what got resolved this week", f"SELECT * FROM defects WHERE {this_week('resolved_ts')}", ["date"], ["this_week"]),
    (D, "android bugs filed last month", f"SELECT * FROM defects WHERE platform = 'Android' AND {last_month('created_ts')}", ["category", "date"], ["last_month"]),
    (D, "regressions this year", f"SELECT * FROM defects WHERE is_regression = true AND {year('created_ts', 2026)}", ["date"], ["this_year"]),
    (D, "bugs from last year still not resolved", f"SELECT * FROM defects WHERE {year('created_ts', 2025)} AND resolved_ts IS NULL", ["date", "null"], ["last_year"]),
    (D, "unassigned bugs", "SELECT * FROM defects WHERE assignee IS NULL", ["null"]),
    (D, "bugs with no due date in checkout", "SELECT * FROM defects WHERE due_dt IS NULL AND component = 'Checkout'", ["null", "category"]),
    (D, "bugs that have a fix version", "SELECT * FROM defects WHERE fix_version IS NOT NULL", ["null"]),
    (D, "bugs mentioning safari", "SELECT * FROM defects WHERE title ILIKE '%safari%'", ["text"]),
    (D, "bugs from reporters with an acme-corp email", "SELECT * FROM defects WHERE reporter_email ILIKE '%acme-corp%'", ["text"]),
    (D, "bugs not in prod", "SELECT * FROM defects WHERE env <> 'prod'", ["negation"]),
    (D, "non mobile app blockers", "SELECT * FROM defects WHERE component <> 'Mobile App' AND severity = 'blocker'", ["negation", "category"]),
    (D, "bugs except minor and trivial ones", "SELECT * FROM defects WHERE severity NOT IN ('minor', 'trivial')", ["negation"]),
    (D, "crashes or hangs", "SELECT * FROM defects WHERE (title ILIKE '%crash%' OR title ILIKE '%hang%')", ["boolean_logic", "text"]),
    (D, "blocker or critical bugs reopened at least twice", "SELECT * FROM defects WHERE (severity = 'blocker' OR severity = 'critical') AND reopen_cnt >= 2", ["boolean_logic", "category", "number"]),
    (D, "bugs created since august 2026", "SELECT * FROM defects WHERE created_ts >= TIMESTAMP '2026-08-01'", ["date"], ["since"]),
    (D, "bugs in q1 2026", f"SELECT * FROM defects WHERE {quarter('created_ts', 1, 2026)}", ["date"], ["quarter"]),
    (D, "bugs logged in september 2025", f"SELECT * FROM defects WHERE {month('created_ts', 9, 2025)}", ["date"], ["month"]),
    (D, "triaged bugs older than 365 days", f"SELECT * FROM defects WHERE status = 'triaged' AND created_ts < TIMESTAMP '{ago(365)}'", ["category", "date"], ["older_than"]),
    (D, "10 most recent bugs", "SELECT * FROM defects ORDER BY created_ts DESC, bug_id LIMIT 10", ["sort_limit"]),
    (D, "in review bugs oldest first", "SELECT * FROM defects WHERE status = 'in_review' ORDER BY created_ts ASC, bug_id", ["sort_limit", "category"]),
    (D, "customer reported bugs in the last 14 days", f"SELECT * FROM defects WHERE is_customer_reported = true AND created_ts >= TIMESTAMP '{ago(14)}'", ["date"], ["last_n_days"]),
    (D, "how many bugs are in review", "SELECT count(*) FROM defects WHERE status = 'in_review'", ["aggregate", "category"]),
    # analyst
    (D, "titles of blocker bugs opened this month", f"SELECT title FROM defects WHERE severity = 'blocker' AND {this_month('created_ts')}", ["projection", "category", "date"], ["this_month"]),
    (D, "which components have bugs", "SELECT DISTINCT component FROM defects", ["projection"]),
    (D, "what platforms do we track", "SELECT DISTINCT platform FROM defects", ["projection"]),
    (D, "bug id, assignee and status for critical billing bugs", "SELECT bug_id, assignee, status FROM defects WHERE component = 'Billing' AND severity = 'critical'", ["projection", "category"]),
    (D, "who reported the checkout bugs last week", f"SELECT reporter FROM defects WHERE component = 'Checkout' AND {last_week('created_ts')}", ["projection", "category", "date"], ["last_week"]),
    (D, "est vs logged hours for regressions resolved in 2026", f"SELECT est_hrs, hrs_logged FROM defects WHERE is_regression = true AND {year('resolved_ts', 2026)}", ["projection", "date"], ["year"]),
    (D, "bug affecting the most users", "SELECT * FROM defects ORDER BY affected_users DESC, bug_id LIMIT 1", ["superlative"]),
    (D, "top 5 bugs by hours logged", "SELECT * FROM defects ORDER BY hrs_logged DESC, bug_id LIMIT 5", ["superlative"]),
    (D, "what's the max reopen count", "SELECT max(reopen_cnt) FROM defects", ["superlative", "aggregate"]),
    (D, "oldest unresolved blocker", "SELECT * FROM defects WHERE severity = 'blocker' AND resolved_ts IS NULL ORDER BY created_ts ASC, bug_id LIMIT 1", ["superlative", "category", "null"]),
    (D, "search bug with the most time logged", "SELECT * FROM defects WHERE component = 'Search' ORDER BY hrs_logged DESC, bug_id LIMIT 1", ["superlative", "category"]),
    (D, "bugs by severity", "SELECT severity, count(*) FROM defects GROUP BY severity", ["group", "aggregate"]),
    (D, "how many bugs per component this year", f"SELECT component, count(*) FROM defects WHERE {year('created_ts', 2026)} GROUP BY component", ["group", "aggregate", "date"], ["this_year"]),
    (D, "average hours logged by assignee", "SELECT assignee, avg(hrs_logged) FROM defects GROUP BY assignee", ["group", "aggregate"]),
    (D, "which component has the most regressions", "SELECT component, count(*) FROM defects WHERE is_regression = true GROUP BY component ORDER BY count(*) DESC LIMIT 1", ["group", "superlative"]),
    (D, "top 3 assignees by resolved bugs", "SELECT assignee, count(*) FROM defects WHERE status = 'resolved' GROUP BY assignee ORDER BY count(*) DESC LIMIT 3", ["group", "superlative", "category"]),
    (D, "components with more than 350 bugs", "SELECT component, count(*) FROM defects GROUP BY component HAVING count(*) > 350", ["group", "aggregate"]),
    (D, "total affected users per platform", "SELECT platform, sum(affected_users) FROM defects GROUP BY platform", ["group", "aggregate"]),
    (D, "avg story points by severity", "SELECT severity, avg(story_pts) FROM defects GROUP BY severity", ["group", "aggregate"]),
    (D, "status breakdown for the mobile app", "SELECT status, count(*) FROM defects WHERE component = 'Mobile App' GROUP BY status", ["group", "aggregate", "category"]),
    (D, "which env has the fewest bugs", "SELECT env, count(*) FROM defects GROUP BY env ORDER BY count(*) ASC LIMIT 1", ["group", "superlative"]),
    (D, "assignees with over 60 hours logged on blockers", "SELECT assignee, sum(hrs_logged) FROM defects WHERE severity = 'blocker' GROUP BY assignee HAVING sum(hrs_logged) > 60", ["group", "aggregate", "category"]),
    (D, "number of bugs per priority", "SELECT prio, count(*) FROM defects GROUP BY prio", ["group", "aggregate"]),
    (D, "reporter with the most bugs", "SELECT reporter, count(*) FROM defects GROUP BY reporter ORDER BY count(*) DESC LIMIT 1", ["group", "superlative"]),
    (D, "average estimate per component for bugs opened in q3 2026", f"SELECT component, avg(est_hrs) FROM defects WHERE {quarter('created_ts', 3, 2026)} GROUP BY component", ["group", "aggregate", "date"], ["quarter"]),
    (D, "total reopens by component", "SELECT component, sum(reopen_cnt) FROM defects GROUP BY component", ["group", "aggregate"]),
    (D, "reporter and title of staging regressions", "SELECT reporter, title FROM defects WHERE is_regression = true AND env = 'staging'", ["projection", "category"]),
    (D, "the 3 blockers affecting the most users", "SELECT * FROM defects WHERE severity = 'blocker' ORDER BY affected_users DESC, bug_id LIMIT 3", ["superlative", "category"]),
    (D, "severities averaging more than 1260 affected users", "SELECT severity, avg(affected_users) FROM defects GROUP BY severity HAVING avg(affected_users) > 1260", ["group", "aggregate"]),
    (D, "which severity has the highest average hours logged", "SELECT severity, avg(hrs_logged) FROM defects GROUP BY severity ORDER BY avg(hrs_logged) DESC LIMIT 1", ["group", "superlative"]),
    (D, "total hours logged on bugs opened last month", f"SELECT sum(hrs_logged) FROM defects WHERE {last_month('created_ts')}", ["aggregate", "date"], ["last_month"]),
    (D, "mean affected users for prod blockers", "SELECT avg(affected_users) FROM defects WHERE env = 'prod' AND severity = 'blocker'", ["aggregate", "category"]),
])

# ------------------------------------------------------------------------------------- ticketing
E, O = "events", "ticket_orders"
add("ticketing", "tk", [
    (E, "shows today", f"SELECT * FROM events WHERE {rng('event_dt', '2026-11-20', '2026-11-21')}", ["date"], ["today"]),
    (O, "orders placed today", f"SELECT * FROM ticket_orders WHERE {today_('ordered_at')}", ["date"], ["today"], "2026-11-19"),
    (E, "events yesterday", f"SELECT * FROM events WHERE {yesterday('event_dt')}", ["date"], ["yesterday"]),
    (O, "vip orders this week", f"SELECT * FROM ticket_orders WHERE tier = 'VIP' AND {this_week('ordered_at')}", ["category", "date"], ["this_week"]),
    (O, "orders refunded last week", f"SELECT * FROM ticket_orders WHERE {last_week('refunded_at')}", ["date"], ["last_week"]),
    (E, "jazz shows this month", f"SELECT * FROM events WHERE genre = 'jazz' AND {this_month('event_dt')}", ["category", "date"], ["this_month"]),
    (E, "comedy events last year", f"SELECT * FROM events WHERE genre = 'comedy' AND {year('event_dt', 2025)}", ["category", "date"], ["last_year"]),
    (O, "orders over $500", "SELECT * FROM ticket_orders WHERE total_usd > 500", ["number"]),
    (E, "events with capacity under 1000", "SELECT * FROM events WHERE capacity < 1000", ["number"]),
    (E, "events with a face value between 40 and 60", "SELECT * FROM events WHERE face_value_usd BETWEEN 40 AND 60", ["number"]),
    (O, "orders with no buyer email", "SELECT * FROM ticket_orders WHERE buyer_email IS NULL", ["null"]),
    (O, "orders that used a promo code", "SELECT * FROM ticket_orders WHERE promo_code IS NOT NULL", ["null"]),
    (E, "events with a cancellation date", "SELECT * FROM events WHERE cancelled_on IS NOT NULL", ["null"]),
    (O, "orders with code fallfest", "SELECT * FROM ticket_orders WHERE promo_code = 'FALLFEST'", ["category"]),
    (E, "events at the velvet room", "SELECT * FROM events WHERE venue = 'The Velvet Room'", ["category"]),
    (E, "shows with winter tour in the title", "SELECT * FROM events WHERE event_title ILIKE '%winter tour%'", ["text"]),
    (O, "orders where the buyer name starts with zoe", "SELECT * FROM ticket_orders WHERE buyer_name ILIKE 'zoe%'", ["text"]),
    (O, "orders not paid", "SELECT * FROM ticket_orders WHERE order_status <> 'paid'", ["negation"]),
    (E, "events outside chicago and nashville", "SELECT * FROM events WHERE city NOT IN ('Chicago', 'Nashville')", ["negation"]),
    (O, "non-gift box office orders in october 2026", f"SELECT * FROM ticket_orders WHERE is_gift = false AND sales_channel = 'box_office' AND {month('ordered_at', 10, 2026)}", ["negation", "category", "date"], ["month"]),
    (O, "student or early bird orders", "SELECT * FROM ticket_orders WHERE (tier = 'Student' OR tier = 'Early Bird')", ["boolean_logic", "category"]),
    (E, "outdoor or sold out events", "SELECT * FROM events WHERE (is_outdoor = true OR is_sold_out = true)", ["boolean_logic"]),
    (O, "reseller orders since september 2026", "SELECT * FROM ticket_orders WHERE sales_channel = 'reseller' AND ordered_at >= TIMESTAMP '2026-09-01'", ["category", "date"], ["since"]),
    (E, "events before march 1, 2026", "SELECT * FROM events WHERE event_dt < TIMESTAMP '2026-03-01'", ["date"], ["before"]),
    (O, "orders in q2 2026", f"SELECT * FROM ticket_orders WHERE {quarter('ordered_at', 2, 2026)}", ["date"], ["quarter"]),
    (O, "chargebacks in the last 90 days", f"SELECT * FROM ticket_orders WHERE order_status = 'chargeback' AND ordered_at >= TIMESTAMP '{ago(90)}'", ["category", "date"], ["last_n_days"]),
    (O, "orders older than 500 days", f"SELECT * FROM ticket_orders WHERE ordered_at < TIMESTAMP '{ago(500)}'", ["date"], ["older_than"]),
    (O, "latest 5 orders", "SELECT * FROM ticket_orders ORDER BY ordered_at DESC, order_ref LIMIT 5", ["sort_limit"]),
    (O, "how many orders were gifts", "SELECT count(*) FROM ticket_orders WHERE is_gift = true", ["aggregate"]),
    (O, "total fees collected in q3 2026", f"SELECT sum(fees_usd) FROM ticket_orders WHERE {quarter('ordered_at', 3, 2026)}", ["aggregate", "date"], ["quarter"]),
    # analyst
    (O, "buyer and qty for front row orders last month", f"SELECT buyer_name, qty FROM ticket_orders WHERE tier = 'Front Row' AND {last_month('ordered_at')}", ["projection", "category", "date"], ["last_month"]),
    (E, "which venues are outdoors", "SELECT DISTINCT venue FROM events WHERE is_outdoor = true", ["projection"]),
    (E, "what genres do we sell", "SELECT DISTINCT genre FROM events", ["projection"]),
    (O, "which sales channels are used", "SELECT DISTINCT sales_channel FROM ticket_orders", ["projection"]),
    (E, "title and date of hip hop shows in 2026", f"SELECT event_title, event_dt FROM events WHERE genre = 'hip_hop' AND {year('event_dt', 2026)}", ["projection", "category", "date"], ["year"]),
    (E, "which headliners played the crown hall", "SELECT DISTINCT headliner FROM events WHERE venue = 'The Crown Hall'", ["projection", "category"]),
    (O, "order ref and total for chargebacks", "SELECT order_ref, total_usd FROM ticket_orders WHERE order_status = 'chargeback'", ["projection", "category"]),
    (O, "biggest order", "SELECT * FROM ticket_orders ORDER BY total_usd DESC, order_ref LIMIT 1", ["superlative"]),
    (O, "top 10 orders by fees", "SELECT * FROM ticket_orders ORDER BY fees_usd DESC, order_ref LIMIT 10", ["superlative"]),
    (E, "event with the largest capacity", "SELECT * FROM events ORDER BY capacity DESC, event_id LIMIT 1", ["superlative"]),
    (E, "priciest show this year", f"SELECT * FROM events WHERE {year('event_dt', 2026)} ORDER BY face_value_usd DESC, event_id LIMIT 1", ["superlative", "date"], ["this_year"]),
    (O, "cheapest vip ticket", "SELECT * FROM ticket_orders WHERE tier = 'VIP' ORDER BY unit_price_usd ASC, order_ref LIMIT 1", ["superlative", "category"]),
    (E, "what's the lowest face value", "SELECT min(face_value_usd) FROM events", ["superlative", "aggregate"]),
    (O, "orders by channel", "SELECT sales_channel, count(*) FROM ticket_orders GROUP BY sales_channel", ["group", "aggregate"]),
    (O, "revenue by tier", "SELECT tier, sum(total_usd) FROM ticket_orders GROUP BY tier", ["group", "aggregate"]),
    (O, "top 5 events by tickets sold", "SELECT event_title, sum(qty) FROM ticket_orders GROUP BY event_title ORDER BY sum(qty) DESC LIMIT 5", ["group", "superlative"]),
    (E, "which genre has the most events", "SELECT genre, count(*) FROM events GROUP BY genre ORDER BY count(*) DESC LIMIT 1", ["group", "superlative"]),
    (O, "average order total per channel", "SELECT sales_channel, avg(total_usd) FROM ticket_orders GROUP BY sales_channel", ["group", "aggregate"]),
    (E, "venues with more than 25 events", "SELECT venue, count(*) FROM events GROUP BY venue HAVING count(*) > 25", ["group", "aggregate"]),
    (O, "tickets sold per tier last month", f"SELECT tier, sum(qty) FROM ticket_orders WHERE {last_month('ordered_at')} GROUP BY tier", ["group", "aggregate", "date"], ["last_month"]),
    (E, "promoters with an average face value over 75", "SELECT promoter, avg(face_value_usd) FROM events GROUP BY promoter HAVING avg(face_value_usd) > 75", ["group", "aggregate"]),
    (E, "number of events per city", "SELECT city, count(*) FROM events GROUP BY city", ["group", "aggregate"]),
    (O, "which buyer spent the most", "SELECT buyer_name, sum(total_usd) FROM ticket_orders GROUP BY buyer_name ORDER BY sum(total_usd) DESC LIMIT 1", ["group", "superlative"]),
    (O, "refund count per channel", "SELECT sales_channel, count(*) FROM ticket_orders WHERE order_status = 'refunded' GROUP BY sales_channel", ["group", "aggregate", "category"]),
    (E, "total capacity by venue", "SELECT venue, sum(capacity) FROM events GROUP BY venue", ["group", "aggregate"]),
    (E, "which promoter has the fewest events", "SELECT promoter, count(*) FROM events GROUP BY promoter ORDER BY count(*) ASC LIMIT 1", ["group", "superlative"]),
    (O, "buyer and email for gift orders this week", f"SELECT buyer_name, buyer_email FROM ticket_orders WHERE is_gift = true AND {this_week('ordered_at')}", ["projection", "date"], ["this_week"]),
    (O, "avg fees by sales channel this year", f"SELECT sales_channel, avg(fees_usd) FROM ticket_orders WHERE {year('ordered_at', 2026)} GROUP BY sales_channel", ["group", "aggregate", "date"], ["this_year"]),
    (E, "cheapest 3 shows in nashville", "SELECT * FROM events WHERE city = 'Nashville' ORDER BY face_value_usd ASC, event_id LIMIT 3", ["superlative", "category"]),
    (O, "which tier brings in the most revenue", "SELECT tier, sum(total_usd) FROM ticket_orders GROUP BY tier ORDER BY sum(total_usd) DESC LIMIT 1", ["group", "superlative"]),
    (O, "avg tickets per order by tier", "SELECT tier, avg(qty) FROM ticket_orders GROUP BY tier", ["group", "aggregate"]),
])


if __name__ == "__main__":
    for schema, rows in SETS.items():
        with open(os.path.join(HERE, schema, "questions.jsonl"), "w") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        analyst = sum(1 for r in rows if {"projection", "superlative", "group"} & set(r["classes"]))
        print(schema, len(rows), "questions,", analyst, "analyst")
