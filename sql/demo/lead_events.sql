-- lead_events: what referred leads did, from page views to orders (source `warehouse`).
-- Ids follow time. Each event belongs to a referral made before it, most often a recent one,
-- since a lead is most active in the weeks after it was referred.
CREATE OR REPLACE TABLE lead_events AS
WITH counts AS (
    SELECT demo_rows(5000000) AS n, (SELECT count(*) FROM referrals) AS nr
), own AS (
    SELECT r.i AS id,
           demo_base_sec('lead_events', r.i, c.n, 0.03, 1.2) AS own_sec,
           demo_parents_before(demo_base_sec('lead_events', r.i, c.n, 0.03, 1.2), c.nr, 0.02, 1.1) AS k
    FROM counts c, range(1, (SELECT n FROM counts) + 1) r(i)
), placed AS (
    SELECT id, own_sec,
           greatest(1, k - floor(pow(demo_u('lead_events', id, 'referral'), 4) * k))::INTEGER AS referral_id
    FROM own
), typed AS (
    SELECT p.id, p.referral_id,
           demo_not_before(p.own_sec, epoch(r.referred_at - demo_start())::BIGINT) AS occurred_sec,
           demo_wpick(['page_view', 'form_submitted', 'demo_booked', 'trial_started', 'ticket_created', 'order_placed'],
                      [0.55, 0.66, 0.71, 0.78, 0.91], demo_u('lead_events', p.id, 'event_type')) AS event_type
    FROM placed p
    JOIN referrals r USING (referral_id)
)
SELECT
    id::BIGINT AS event_id,
    referral_id::INTEGER AS referral_id,
    event_type::VARCHAR AS event_type,
    demo_wpick(['web', 'email', 'chat', 'sms', 'social'], [0.50, 0.70, 0.82, 0.88],
               demo_u('lead_events', id, 'channel'))::VARCHAR AS channel,
    demo_ts(occurred_sec)::TIMESTAMP AS occurred_at,
    CASE WHEN event_type = 'order_placed'
         THEN round(exp(ln(15) + pow(demo_u('lead_events', id, 'revenue'), 1.5) * ln(200)), 2)
    END::DECIMAL(10, 2) AS revenue
FROM typed
ORDER BY event_id;
