-- referrers: people at partner companies who refer brands (source `app`).
-- Ids follow sign-up time; each referrer belongs to a partner that had joined before they signed up.
CREATE OR REPLACE TEMP TABLE demo_referrers_raw AS
WITH counts AS (
    SELECT demo_rows(20000) AS n, (SELECT count(*) FROM partners) AS np
), own AS (
    SELECT r.i AS id, c.np,
           demo_base_sec('referrers', r.i, c.n, 0.01, 0.9) AS own_sec
    FROM counts c, range(1, (SELECT n FROM counts) + 1) r(i)
), placed AS (
    SELECT id, own_sec,
           -- uniform among the partners that had joined by then, so older partners grow bigger teams
           -- (partner 1 when none had: only at tiny scales, and demo_not_before then moves the sign-up)
           (1 + floor(demo_u('referrers', id, 'partner') * demo_parents_before(own_sec, np, 0.0, 0.6)))::BIGINT AS partner_id
    FROM own
)
SELECT p.id, p.partner_id, d.domain, d.region, c.country,
       demo_not_before(p.own_sec, d.joined_sec) AS signed_up_sec
FROM placed p
JOIN demo_partner_domains d USING (partner_id)
JOIN partners c USING (partner_id);

CREATE OR REPLACE TABLE referrers AS
WITH named AS (
    SELECT *,
           demo_pick(demo_first_names(region), demo_u('referrers', id, 'first_name')) AS first_name,
           demo_pick(demo_last_names(region), demo_u('referrers', id, 'last_name')) AS last_name,
           demo_u('referrers', id, 'email_format') AS email_u,
           demo_u('referrers', id, 'status') AS status_u,
           demo_age_days(signed_up_sec) AS age_days
    FROM demo_referrers_raw
), mailed AS (
    SELECT *,
           CASE WHEN email_u < 0.6 THEN demo_slug(first_name) || '.' || demo_slug(last_name)
                WHEN email_u < 0.85 THEN left(demo_slug(first_name), 1) || demo_slug(last_name)
                ELSE demo_slug(first_name) END AS local_part
    FROM named
), unique_mail AS (
    -- two Emma Smiths at one partner: the later one gets emma.smith2@, as a mail admin would do
    SELECT *,
           row_number() OVER (PARTITION BY local_part, domain ORDER BY id) AS dup
    FROM mailed
), statused AS (
    SELECT *,
           CASE WHEN status_u < 0.03 + 0.6 * exp(-age_days / 21) THEN 'pending'
                WHEN status_u < 0.09 + 0.6 * exp(-age_days / 21) THEN 'rejected'
                ELSE 'approved' END AS program_status
    FROM unique_mail
)
SELECT
    id::INTEGER AS referrer_id,
    partner_id::INTEGER AS partner_id,
    (first_name || ' ' || last_name)::VARCHAR AS full_name,
    (local_part || CASE WHEN dup > 1 THEN dup::VARCHAR ELSE '' END || '@' || domain)::VARCHAR AS email,
    CASE WHEN demo_u('referrers', id, 'phone_null') < 0.15 THEN NULL
         WHEN country IN ('United States', 'Canada') THEN
             '+1 ' || (201 + floor(demo_u('referrers', id, 'area') * 780))::INTEGER || '-555-'
                   || lpad((floor(demo_u('referrers', id, 'phone') * 10000))::INTEGER::VARCHAR, 4, '0')
         ELSE '+' || CASE country
                 WHEN 'United Kingdom' THEN '44' WHEN 'Australia' THEN '61' WHEN 'Germany' THEN '49'
                 WHEN 'France' THEN '33' WHEN 'Netherlands' THEN '31' WHEN 'Spain' THEN '34'
                 WHEN 'Brazil' THEN '55' WHEN 'India' THEN '91' WHEN 'Ireland' THEN '353'
                 WHEN 'Sweden' THEN '46' WHEN 'Mexico' THEN '52' WHEN 'New Zealand' THEN '64'
                 WHEN 'Singapore' THEN '65' ELSE '1' END
             || ' ' || regexp_replace(
                    lpad((floor(demo_u('referrers', id, 'phone') * 1000000000))::BIGINT::VARCHAR, 9, '0'),
                    '^(\d{3})(\d{3})(\d{3})$', '\1 \2 \3')
    END::VARCHAR AS phone,
    -- Venmo exists only in the United States
    CASE WHEN country = 'United States'
         THEN demo_wpick(['paypal', 'venmo', 'visa_gift_card'], [0.5, 0.8], demo_u('referrers', id, 'method'))
         ELSE demo_wpick(['paypal', 'visa_gift_card'], [0.7], demo_u('referrers', id, 'method'))
    END::VARCHAR AS payout_method,
    program_status::VARCHAR AS program_status,
    demo_ts(signed_up_sec)::TIMESTAMP AS signed_up_at,
    CASE WHEN program_status = 'approved'
         THEN demo_ts(demo_after(signed_up_sec, pow(demo_u('referrers', id, 'approved_at'), 2), 14 * 86400))
    END::TIMESTAMP AS approved_at
FROM statused
ORDER BY referrer_id;
