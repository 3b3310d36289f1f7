#!/usr/bin/env python3
"""Writes the questions of the unseen9 schemas into <schema>/questions.jsonl (ids al..., mk..., bp...).

Written blind (without reading the translator, its prompts or any earlier question file beyond its
first lines) and committed before the translator was run on them. Gold SQL follows
docs/search-eval.md. As-of 2026-11-20 (a Friday); "today" questions are asked on 2026-11-19.
"""
import datetime as dt, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
T = "2026-11-20"
Y = "2026-11-19"
AS_OF = dt.date(2026, 11, 20)


def ago(n):
    return (AS_OF - dt.timedelta(days=n)).isoformat()


def rng(col, a, b):
    return f"{col} >= TIMESTAMP '{a}' AND {col} < TIMESTAMP '{b}'"


TODAY = ("2026-11-19", "2026-11-20")
THIS_WEEK = ("2026-11-16", "2026-11-23")
LAST_WEEK = ("2026-11-09", "2026-11-16")
THIS_MONTH = ("2026-11-01", "2026-12-01")
LAST_MONTH = ("2026-10-01", "2026-11-01")
THIS_YEAR = ("2026-01-01", "2027-01-01")
LAST_YEAR = ("2025-01-01", "2026-01-01")


def q(i, prefix, rel, question, gold, classes, dates=(), today=T):
    return {"id": f"{prefix}{i:03d}", "relation": rel, "question": question, "gold": gold,
            "classes": list(classes), "dates": list(dates), "today": today}


B = "bookings"
R = "routes"
AIRLINE = [
    (B, "average fare by cabin", "SELECT cabin, avg(fare_usd) FROM bookings GROUP BY cabin", ["aggregate", "group"]),
    (B, "bookings per channel", "SELECT booking_channel, count(*) FROM bookings GROUP BY booking_channel", ["aggregate", "group"]),
    (B, "which channel brings in the most bookings", "SELECT booking_channel, count(*) FROM bookings GROUP BY booking_channel ORDER BY count(*) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (B, "top 3 destinations by total fare", "SELECT destination, sum(fare_usd) FROM bookings GROUP BY destination ORDER BY sum(fare_usd) DESC LIMIT 3", ["aggregate", "group", "superlative"]),
    (B, "most expensive booking", "SELECT * FROM bookings ORDER BY fare_usd DESC, booking_id LIMIT 1", ["superlative", "sort_limit"]),
    (B, "passenger names and fares for first class", "SELECT passenger_name, fare_usd FROM bookings WHERE cabin = 'first'", ["projection", "category"]),
    (R, "which aircraft types do we fly", "SELECT DISTINCT aircraft_type FROM routes", ["projection"]),
    (R, "longest route", "SELECT * FROM routes ORDER BY distance_mi DESC, route_id LIMIT 1", ["superlative", "sort_limit"]),
    (B, "flight numbers with more than 25 bookings", "SELECT flight_no, count(*) FROM bookings GROUP BY flight_no HAVING count(*) > 25", ["aggregate", "group"]),
    (B, "total taxes by cabin on bookings made in 2025", f"SELECT cabin, sum(taxes_usd) FROM bookings WHERE {rng('booked_at', *LAST_YEAR)} GROUP BY cabin", ["aggregate", "group", "date"], ["year"]),
    (B, "cancellations last month per channel", f"SELECT booking_channel, count(*) FROM bookings WHERE {rng('canceled_at', *LAST_MONTH)} GROUP BY booking_channel", ["aggregate", "group", "date"], ["last_month"]),
    (B, "avg bags checked per cabin", "SELECT cabin, avg(bags_checked) FROM bookings GROUP BY cabin", ["aggregate", "group"]),
    (R, "routes per origin", "SELECT origin, count(*) FROM routes GROUP BY origin", ["aggregate", "group"]),
    (R, "which origin airport has the most routes", "SELECT origin, count(*) FROM routes GROUP BY origin ORDER BY count(*) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (R, "average on time pct by aircraft type", "SELECT aircraft_type, avg(on_time_pct) FROM routes GROUP BY aircraft_type", ["aggregate", "group"]),
    (B, "5 cheapest business class bookings", "SELECT * FROM bookings WHERE cabin = 'business' ORDER BY fare_usd ASC, booking_id LIMIT 5", ["superlative", "sort_limit", "category"]),
    (B, "what cabins are there", "SELECT DISTINCT cabin FROM bookings", ["projection"]),
    (R, "international routes per origin", "SELECT origin, count(*) FROM routes WHERE is_international = true GROUP BY origin", ["aggregate", "group", "category"]),
    (B, "top 5 passengers by total fare", "SELECT passenger_name, sum(fare_usd) FROM bookings GROUP BY passenger_name ORDER BY sum(fare_usd) DESC LIMIT 5", ["aggregate", "group", "superlative"]),
    (B, "average party size per channel", "SELECT booking_channel, avg(party_size) FROM bookings GROUP BY booking_channel", ["aggregate", "group"]),
    (R, "max base fare per origin", "SELECT origin, max(base_fare_usd) FROM routes GROUP BY origin", ["aggregate", "group"]),
    (B, "destinations with at least 150 bookings", "SELECT destination, count(*) FROM bookings GROUP BY destination HAVING count(*) >= 150", ["aggregate", "group"]),
    (R, "flight no and distance of codeshare routes", "SELECT flight_no, distance_mi FROM routes WHERE is_codeshare = true", ["projection", "category"]),
    (B, "which destination has the highest average fare", "SELECT destination, avg(fare_usd) FROM bookings GROUP BY destination ORDER BY avg(fare_usd) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (R, "lowest on-time % of any route", "SELECT min(on_time_pct) FROM routes", ["aggregate", "superlative"]),
    (B, "premium economy fares by channel", "SELECT booking_channel, sum(fare_usd) FROM bookings WHERE cabin = 'premium_economy' GROUP BY booking_channel", ["aggregate", "group", "category"]),
    (B, "checked bags on flown bookings by origin", "SELECT origin, sum(bags_checked) FROM bookings WHERE booking_status = 'flown' GROUP BY origin", ["aggregate", "group", "category"]),
    (R, "flight numbers of the 3 longest routes", "SELECT flight_no FROM routes ORDER BY distance_mi DESC, route_id LIMIT 3", ["projection", "superlative", "sort_limit"]),
    # filters
    (B, "bookings made today", f"SELECT * FROM bookings WHERE {rng('booked_at', *TODAY)}", ["date"], ["today"], Y),
    (B, "bookings from yesterday", f"SELECT * FROM bookings WHERE {rng('booked_at', *TODAY)}", ["date"], ["yesterday"]),
    (B, "business class bookings this week", f"SELECT * FROM bookings WHERE cabin = 'business' AND {rng('booked_at', *THIS_WEEK)}", ["category", "date"], ["this_week"]),
    (B, "bookings canceled last week", f"SELECT * FROM bookings WHERE {rng('canceled_at', *LAST_WEEK)}", ["date"], ["last_week"]),
    (B, "refundable bookings over $2k", "SELECT * FROM bookings WHERE is_refundable = true AND fare_usd > 2000", ["category", "number"]),
    (B, "bookings with 3 bags", "SELECT * FROM bookings WHERE bags_checked = 3", ["number"]),
    (B, "parties of at least 4 booked in the last 30 days", f"SELECT * FROM bookings WHERE party_size >= 4 AND booked_at >= TIMESTAMP '{ago(30)}'", ["number", "date"], ["last_n_days"]),
    (B, "bookings with no email", "SELECT * FROM bookings WHERE passenger_email IS NULL", ["null"]),
    (B, "bookings with a special request", "SELECT * FROM bookings WHERE special_request IS NOT NULL", ["null"]),
    (B, "special requests mentioning meal", "SELECT * FROM bookings WHERE special_request ILIKE '%meal%'", ["text"]),
    (B, "passengers named priya", "SELECT * FROM bookings WHERE passenger_name ILIKE 'priya%'", ["text"]),
    (B, "bookings not made on the website", "SELECT * FROM bookings WHERE booking_channel <> 'Website'", ["negation"]),
    (B, "non-economy bookings out of jfk", "SELECT * FROM bookings WHERE cabin <> 'economy' AND origin = 'JFK'", ["negation", "category"]),
    (B, "gold or platinum members in business", "SELECT * FROM bookings WHERE (loyalty_tier = 'Gold' OR loyalty_tier = 'Platinum') AND cabin = 'business'", ["boolean_logic", "category"]),
    (R, "routes launched before january 1, 2021", "SELECT * FROM routes WHERE launched_on < TIMESTAMP '2021-01-01'", ["date"], ["before"]),
    (R, "discontinued routes", "SELECT * FROM routes WHERE discontinued_on IS NOT NULL", ["null"]),
    (R, "routes still running out of sea", "SELECT * FROM routes WHERE discontinued_on IS NULL AND origin = 'SEA'", ["null", "category"]),
    (R, "routes launched since march 2026", "SELECT * FROM routes WHERE launched_on >= TIMESTAMP '2026-03-01'", ["date"], ["since"]),
    (B, "bookings in q3 2026", f"SELECT * FROM bookings WHERE {rng('booked_at', '2026-07-01', '2026-10-01')}", ["date"], ["quarter"]),
    (B, "flown bookings booked in october 2026", f"SELECT * FROM bookings WHERE booking_status = 'flown' AND {rng('booked_at', '2026-10-01', '2026-11-01')}", ["category", "date"], ["month"]),
    (B, "bookings older than 600 days", f"SELECT * FROM bookings WHERE booked_at < TIMESTAMP '{ago(600)}'", ["date"], ["older_than"]),
    (B, "10 most recent bookings", "SELECT * FROM bookings ORDER BY booked_at DESC, booking_id LIMIT 10", ["sort_limit"]),
    (R, "routes under 500 miles", "SELECT * FROM routes WHERE distance_mi < 500", ["number"]),
    (B, "lax bookings last year that weren't canceled", f"SELECT * FROM bookings WHERE origin = 'LAX' AND booking_status <> 'canceled' AND {rng('booked_at', *LAST_YEAR)}", ["category", "negation", "date"], ["last_year"]),
    (B, "bookings this month with a fare between 300 and 500", f"SELECT * FROM bookings WHERE fare_usd BETWEEN 300 AND 500 AND {rng('booked_at', *THIS_MONTH)}", ["number", "date"], ["this_month"]),
    (R, "e175 or a320 routes with load factor over 0.9", "SELECT * FROM routes WHERE (aircraft_type = 'E175' OR aircraft_type = 'A320') AND avg_load_factor > 0.9", ["boolean_logic", "number"]),
    (B, "upgraded bookings this year", f"SELECT * FROM bookings WHERE seat_upgraded = true AND {rng('booked_at', *THIS_YEAR)}", ["category", "date"], ["this_year"]),
]

A = "ad_campaigns"
ADSPEND = [
    (A, "total spend by channel", "SELECT channel, sum(spend_usd) FROM ad_campaigns GROUP BY channel", ["aggregate", "group"]),
    (A, "which channel has the highest spend", "SELECT channel, sum(spend_usd) FROM ad_campaigns GROUP BY channel ORDER BY sum(spend_usd) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (A, "top 3 markets by total revenue", "SELECT market, sum(revenue_usd) FROM ad_campaigns GROUP BY market ORDER BY sum(revenue_usd) DESC LIMIT 3", ["aggregate", "group", "superlative"]),
    (A, "campaign count per objective", "SELECT objective, count(*) FROM ad_campaigns GROUP BY objective", ["aggregate", "group"]),
    (A, "avg cpc bid by channel", "SELECT channel, avg(cpc_bid) FROM ad_campaigns GROUP BY channel", ["aggregate", "group"]),
    (A, "campaign with the most clicks", "SELECT * FROM ad_campaigns ORDER BY clicks DESC, campaign_id LIMIT 1", ["superlative", "sort_limit"]),
    (A, "name and spend of the 5 biggest spenders", "SELECT campaign_name, spend_usd FROM ad_campaigns ORDER BY spend_usd DESC, campaign_id LIMIT 5", ["projection", "superlative", "sort_limit"]),
    (A, "which owners have campaigns", "SELECT DISTINCT owner FROM ad_campaigns WHERE owner IS NOT NULL", ["projection"]),
    (A, "distinct markets", "SELECT DISTINCT market FROM ad_campaigns", ["projection"]),
    (A, "total conversions on tiktok by objective", "SELECT objective, sum(conversions) FROM ad_campaigns WHERE channel = 'TikTok' GROUP BY objective", ["aggregate", "group", "category"]),
    (A, "active campaigns per channel", "SELECT channel, count(*) FROM ad_campaigns WHERE campaign_status = 'active' GROUP BY channel", ["aggregate", "group", "category"]),
    (A, "avg budget per market for linkedin lead gen", "SELECT market, avg(budget_usd) FROM ad_campaigns WHERE channel = 'LinkedIn' AND objective = 'lead_gen' GROUP BY market", ["aggregate", "group", "category"]),
    (A, "objectives with more than 300 campaigns", "SELECT objective, count(*) FROM ad_campaigns GROUP BY objective HAVING count(*) > 300", ["aggregate", "group"]),
    (A, "impressions by market", "SELECT market, sum(impressions) FROM ad_campaigns GROUP BY market", ["aggregate", "group"]),
    (A, "which objective gets the most conversions", "SELECT objective, sum(conversions) FROM ad_campaigns GROUP BY objective ORDER BY sum(conversions) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (A, "largest budget", "SELECT * FROM ad_campaigns ORDER BY budget_usd DESC, campaign_id LIMIT 1", ["superlative", "sort_limit"]),
    (A, "max spend per objective", "SELECT objective, max(spend_usd) FROM ad_campaigns GROUP BY objective", ["aggregate", "group"]),
    (A, "campaign names for retargeting on meta", "SELECT campaign_name FROM ad_campaigns WHERE is_retargeting = true AND channel = 'Meta'", ["projection", "category"]),
    (A, "spend per channel on campaigns launched last month", f"SELECT channel, sum(spend_usd) FROM ad_campaigns WHERE {rng('launched_at', *LAST_MONTH)} GROUP BY channel", ["aggregate", "group", "date"], ["last_month"]),
    (A, "avg clicks per channel for campaigns launched in 2025", f"SELECT channel, avg(clicks) FROM ad_campaigns WHERE {rng('launched_at', *LAST_YEAR)} GROUP BY channel", ["aggregate", "group", "date"], ["year"]),
    (A, "channels with total spend over 1m", "SELECT channel, sum(spend_usd) FROM ad_campaigns GROUP BY channel HAVING sum(spend_usd) > 1000000", ["aggregate", "group"]),
    (A, "which market has the fewest campaigns", "SELECT market, count(*) FROM ad_campaigns GROUP BY market ORDER BY count(*) ASC LIMIT 1", ["aggregate", "group", "superlative"]),
    (A, "lowest cpc bid", "SELECT min(cpc_bid) FROM ad_campaigns", ["aggregate", "superlative"]),
    (A, "top 5 campaigns by conversions", "SELECT * FROM ad_campaigns ORDER BY conversions DESC, campaign_id LIMIT 5", ["superlative", "sort_limit"]),
    (A, "spend and revenue of completed google search campaigns", "SELECT spend_usd, revenue_usd FROM ad_campaigns WHERE campaign_status = 'completed' AND channel = 'Google Search'", ["projection", "category"]),
    (A, "a/b tests per channel", "SELECT channel, count(*) FROM ad_campaigns WHERE is_ab_test = true GROUP BY channel", ["aggregate", "group", "category"]),
    (A, "total budget per objective in the uk", "SELECT objective, sum(budget_usd) FROM ad_campaigns WHERE market = 'UK' GROUP BY objective", ["aggregate", "group", "category"]),
    # filters
    (A, "campaigns launched today", f"SELECT * FROM ad_campaigns WHERE {rng('launched_at', *TODAY)}", ["date"], ["today"], Y),
    (A, "campaigns launched yesterday", f"SELECT * FROM ad_campaigns WHERE {rng('launched_at', *TODAY)}", ["date"], ["yesterday"]),
    (A, "meta campaigns launched this week", f"SELECT * FROM ad_campaigns WHERE channel = 'Meta' AND {rng('launched_at', *THIS_WEEK)}", ["category", "date"], ["this_week"]),
    (A, "campaigns paused last week", f"SELECT * FROM ad_campaigns WHERE {rng('paused_at', *LAST_WEEK)}", ["date"], ["last_week"]),
    (A, "campaigns launched this month", f"SELECT * FROM ad_campaigns WHERE {rng('launched_at', *THIS_MONTH)}", ["date"], ["this_month"]),
    (A, "paused campaigns in germany", "SELECT * FROM ad_campaigns WHERE campaign_status = 'paused' AND market = 'DE'", ["category"]),
    (A, "campaigns spending over 10k", "SELECT * FROM ad_campaigns WHERE spend_usd > 10000", ["number"]),
    (A, "campaigns with zero conversions", "SELECT * FROM ad_campaigns WHERE conversions = 0", ["number"]),
    (A, "campaigns without revenue", "SELECT * FROM ad_campaigns WHERE revenue_usd IS NULL", ["null"]),
    (A, "campaigns with no owner", "SELECT * FROM ad_campaigns WHERE owner IS NULL", ["null"]),
    (A, "campaigns missing an end date", "SELECT * FROM ad_campaigns WHERE end_date IS NULL", ["null"]),
    (A, "campaigns with black friday in the name", "SELECT * FROM ad_campaigns WHERE campaign_name ILIKE '%black friday%'", ["text"]),
    (A, "ad copy mentioning free shipping", "SELECT * FROM ad_campaigns WHERE ad_copy ILIKE '%free shipping%'", ["text"]),
    (A, "campaigns not on google search", "SELECT * FROM ad_campaigns WHERE channel <> 'Google Search'", ["negation"]),
    (A, "non-retargeting conversion campaigns", "SELECT * FROM ad_campaigns WHERE is_retargeting = false AND objective = 'conversions'", ["negation", "category"]),
    (A, "youtube or tiktok awareness campaigns", "SELECT * FROM ad_campaigns WHERE (channel = 'YouTube' OR channel = 'TikTok') AND objective = 'awareness'", ["boolean_logic", "category"]),
    (A, "campaigns launched before june 1, 2025", "SELECT * FROM ad_campaigns WHERE launched_at < TIMESTAMP '2025-06-01'", ["date"], ["before"]),
    (A, "campaigns since september 2026", "SELECT * FROM ad_campaigns WHERE launched_at >= TIMESTAMP '2026-09-01'", ["date"], ["since"]),
    (A, "linkedin campaigns in q2 2026", f"SELECT * FROM ad_campaigns WHERE channel = 'LinkedIn' AND {rng('launched_at', '2026-04-01', '2026-07-01')}", ["category", "date"], ["quarter"]),
    (A, "campaigns launched in august 2026", f"SELECT * FROM ad_campaigns WHERE {rng('launched_at', '2026-08-01', '2026-09-01')}", ["date"], ["month"]),
    (A, "active campaigns older than 60 days", f"SELECT * FROM ad_campaigns WHERE campaign_status = 'active' AND launched_at < TIMESTAMP '{ago(60)}'", ["category", "date"], ["older_than"]),
    (A, "campaigns from the last 14 days with a budget of at least 5k", f"SELECT * FROM ad_campaigns WHERE budget_usd >= 5000 AND launched_at >= TIMESTAMP '{ago(14)}'", ["number", "date"], ["last_n_days"]),
    (A, "20 latest campaigns", "SELECT * FROM ad_campaigns ORDER BY launched_at DESC, campaign_id LIMIT 20", ["sort_limit"]),
    (A, "cpc bid between 1 and 2 this year", f"SELECT * FROM ad_campaigns WHERE cpc_bid BETWEEN 1 AND 2 AND {rng('launched_at', *THIS_YEAR)}", ["number", "date"], ["this_year"]),
    (A, "rejected campaigns last year", f"SELECT * FROM ad_campaigns WHERE campaign_status = 'rejected' AND {rng('launched_at', *LAST_YEAR)}", ["category", "date"], ["last_year"]),
    (A, "uk or fr campaigns that are not completed", "SELECT * FROM ad_campaigns WHERE (market = 'UK' OR market = 'FR') AND campaign_status <> 'completed'", ["boolean_logic", "negation", "category"]),
]

P = "building_permits"
PERMITS = [
    (P, "permits by district", "SELECT district, count(*) FROM building_permits GROUP BY district", ["aggregate", "group"]),
    (P, "which district has the most permits", "SELECT district, count(*) FROM building_permits GROUP BY district ORDER BY count(*) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (P, "total valuation by permit type", "SELECT permit_type, sum(est_cost_usd) FROM building_permits GROUP BY permit_type", ["aggregate", "group"]),
    (P, "top 3 contractors by total project cost", "SELECT contractor_name, sum(est_cost_usd) FROM building_permits WHERE contractor_name IS NOT NULL GROUP BY contractor_name ORDER BY sum(est_cost_usd) DESC LIMIT 3", ["aggregate", "group", "superlative"]),
    (P, "avg permit fee per type", "SELECT permit_type, avg(permit_fee) FROM building_permits GROUP BY permit_type", ["aggregate", "group"]),
    (P, "most expensive project", "SELECT * FROM building_permits ORDER BY est_cost_usd DESC, permit_no LIMIT 1", ["superlative", "sort_limit"]),
    (P, "permit numbers and addresses for downtown demolitions", "SELECT permit_no, site_address FROM building_permits WHERE permit_type = 'Demolition' AND district = 'Downtown'", ["projection", "category"]),
    (P, "which reviewers are assigned", "SELECT DISTINCT reviewer FROM building_permits WHERE reviewer IS NOT NULL", ["projection"]),
    (P, "distinct permit statuses", "SELECT DISTINCT permit_status FROM building_permits", ["projection"]),
    (P, "permits issued this year by type", f"SELECT permit_type, count(*) FROM building_permits WHERE {rng('issued_on', *THIS_YEAR)} GROUP BY permit_type", ["aggregate", "group", "date"], ["this_year"]),
    (P, "commercial permit fees by district", "SELECT district, sum(permit_fee) FROM building_permits WHERE is_commercial = true GROUP BY district", ["aggregate", "group", "category"]),
    (P, "avg failed inspections by contractor", "SELECT contractor_name, avg(inspections_failed) FROM building_permits GROUP BY contractor_name", ["aggregate", "group"]),
    (P, "reviewers with more than 380 permits", "SELECT reviewer, count(*) FROM building_permits GROUP BY reviewer HAVING count(*) > 380", ["aggregate", "group"]),
    (P, "which reviewer handled the most permits", "SELECT reviewer, count(*) FROM building_permits GROUP BY reviewer ORDER BY count(*) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (P, "biggest sq ft on a new construction", "SELECT max(sq_ft) FROM building_permits WHERE permit_type = 'New Construction'", ["aggregate", "superlative", "category"]),
    (P, "5 highest fee permits in riverside", "SELECT * FROM building_permits WHERE district = 'Riverside' ORDER BY permit_fee DESC, permit_no LIMIT 5", ["superlative", "sort_limit", "category"]),
    (P, "average stories for additions per district", "SELECT district, avg(num_stories) FROM building_permits WHERE permit_type = 'Addition' GROUP BY district", ["aggregate", "group", "category"]),
    (P, "district with the highest average valuation", "SELECT district, avg(est_cost_usd) FROM building_permits GROUP BY district ORDER BY avg(est_cost_usd) DESC LIMIT 1", ["aggregate", "group", "superlative"]),
    (P, "permit types with total valuation over 50m", "SELECT permit_type, sum(est_cost_usd) FROM building_permits GROUP BY permit_type HAVING sum(est_cost_usd) > 50000000", ["aggregate", "group"]),
    (P, "applicant and contractor for permits needing a variance", "SELECT applicant_name, contractor_name FROM building_permits WHERE needs_variance = true", ["projection", "category"]),
    (P, "rejected permits per district", "SELECT district, count(*) FROM building_permits WHERE permit_status = 'rejected' GROUP BY district", ["aggregate", "group", "category"]),
    (P, "total sq ft of alterations by district", "SELECT district, sum(sq_ft) FROM building_permits WHERE permit_type = 'Alteration' GROUP BY district", ["aggregate", "group", "category"]),
    (P, "cheapest project", "SELECT * FROM building_permits ORDER BY est_cost_usd ASC, permit_no LIMIT 1", ["superlative", "sort_limit"]),
    (P, "top 3 districts by fees", "SELECT district, sum(permit_fee) FROM building_permits GROUP BY district ORDER BY sum(permit_fee) DESC LIMIT 3", ["aggregate", "group", "superlative"]),
    (P, "permits submitted last year by status", f"SELECT permit_status, count(*) FROM building_permits WHERE {rng('submitted_at', *LAST_YEAR)} GROUP BY permit_status", ["aggregate", "group", "date"], ["last_year"]),
    (P, "most inspections failed on one permit", "SELECT max(inspections_failed) FROM building_permits", ["aggregate", "superlative"]),
    (P, "project cost of permits issued in q3 2026 by district", f"SELECT district, sum(est_cost_usd) FROM building_permits WHERE {rng('issued_on', '2026-07-01', '2026-10-01')} GROUP BY district", ["aggregate", "group", "date"], ["quarter"]),
    (P, "permit no and fee of the 3 largest roofing jobs", "SELECT permit_no, permit_fee FROM building_permits WHERE permit_type = 'Roofing' ORDER BY est_cost_usd DESC, permit_no LIMIT 3", ["projection", "superlative", "sort_limit", "category"]),
    # filters
    (P, "permits submitted today", f"SELECT * FROM building_permits WHERE {rng('submitted_at', *TODAY)}", ["date"], ["today"], Y),
    (P, "permits submitted yesterday", f"SELECT * FROM building_permits WHERE {rng('submitted_at', *TODAY)}", ["date"], ["yesterday"]),
    (P, "permits issued this week", f"SELECT * FROM building_permits WHERE {rng('issued_on', *THIS_WEEK)}", ["date"], ["this_week"]),
    (P, "electrical permits submitted last week", f"SELECT * FROM building_permits WHERE permit_type = 'Electrical' AND {rng('submitted_at', *LAST_WEEK)}", ["category", "date"], ["last_week"]),
    (P, "permits issued last month", f"SELECT * FROM building_permits WHERE {rng('issued_on', *LAST_MONTH)}", ["date"], ["last_month"]),
    (P, "eastgate permits filed this month", f"SELECT * FROM building_permits WHERE district = 'Eastgate' AND {rng('submitted_at', *THIS_MONTH)}", ["category", "date"], ["this_month"]),
    (P, "in review permits older than 60 days", f"SELECT * FROM building_permits WHERE permit_status = 'in_review' AND submitted_at < TIMESTAMP '{ago(60)}'", ["category", "date"], ["older_than"]),
    (P, "permits submitted in the last 7 days", f"SELECT * FROM building_permits WHERE submitted_at >= TIMESTAMP '{ago(7)}'", ["date"], ["last_n_days"]),
    (P, "permits over $1m", "SELECT * FROM building_permits WHERE est_cost_usd > 1000000", ["number"]),
    (P, "permits with at least 3 failed inspections", "SELECT * FROM building_permits WHERE inspections_failed >= 3", ["number"]),
    (P, "permits with no contractor", "SELECT * FROM building_permits WHERE contractor_name IS NULL", ["null"]),
    (P, "permits without a reviewer", "SELECT * FROM building_permits WHERE reviewer IS NULL", ["null"]),
    (P, "permits over 4000 sq ft", "SELECT * FROM building_permits WHERE sq_ft > 4000", ["number"]),
    (P, "solar permits", "SELECT * FROM building_permits WHERE work_description ILIKE '%solar%'", ["text"]),
    (P, "permits with maple in the address", "SELECT * FROM building_permits WHERE site_address ILIKE '%maple%'", ["text"]),
    (P, "applicants named greta", "SELECT * FROM building_permits WHERE applicant_name ILIKE 'greta%'", ["text"]),
    (P, "permits outside northside", "SELECT * FROM building_permits WHERE district <> 'Northside'", ["negation"]),
    (P, "non-commercial roofing permits", "SELECT * FROM building_permits WHERE is_commercial = false AND permit_type = 'Roofing'", ["negation", "category"]),
    (P, "plumbing or electrical permits that got rejected", "SELECT * FROM building_permits WHERE (permit_type = 'Plumbing' OR permit_type = 'Electrical') AND permit_status = 'rejected'", ["boolean_logic", "category"]),
    (P, "permits that are not rejected or withdrawn", "SELECT * FROM building_permits WHERE permit_status NOT IN ('rejected', 'withdrawn')", ["negation", "boolean_logic"]),
    (P, "permits submitted before feb 1, 2025", "SELECT * FROM building_permits WHERE submitted_at < TIMESTAMP '2025-02-01'", ["date"], ["before"]),
    (P, "permits since july 2026", "SELECT * FROM building_permits WHERE submitted_at >= TIMESTAMP '2026-07-01'", ["date"], ["since"]),
    (P, "permits submitted in 2025", f"SELECT * FROM building_permits WHERE {rng('submitted_at', *LAST_YEAR)}", ["date"], ["year"]),
    (P, "permits submitted in september 2026", f"SELECT * FROM building_permits WHERE {rng('submitted_at', '2026-09-01', '2026-10-01')}", ["date"], ["month"]),
    (P, "latest 10 permits", "SELECT * FROM building_permits ORDER BY submitted_at DESC, permit_no LIMIT 10", ["sort_limit"]),
    (P, "5 oldest permits still in review", "SELECT * FROM building_permits WHERE permit_status = 'in_review' ORDER BY submitted_at ASC, permit_no LIMIT 5", ["sort_limit", "category"]),
    (P, "final inspections in q2 2026", f"SELECT * FROM building_permits WHERE {rng('final_inspection_at', '2026-04-01', '2026-07-01')}", ["date"], ["quarter"]),
    (P, "new construction this year over 3000 sq ft", f"SELECT * FROM building_permits WHERE permit_type = 'New Construction' AND sq_ft > 3000 AND {rng('submitted_at', *THIS_YEAR)}", ["category", "number", "date"], ["this_year"]),
]


def emit(schema, prefix, items):
    out = []
    for n, it in enumerate(items, 1):
        rel, question, gold, classes = it[:4]
        dates = it[4] if len(it) > 4 else []
        today = it[5] if len(it) > 5 else T
        out.append(q(n, prefix, rel, question, gold, classes, dates, today))
    with open(os.path.join(HERE, schema, "questions.jsonl"), "w") as f:
        for o in out:
            f.write(json.dumps(o) + "\n")
    return out


if __name__ == "__main__":
    emit("airline", "al", AIRLINE)
    emit("adspend", "mk", ADSPEND)
    emit("permits", "bp", PERMITS)
