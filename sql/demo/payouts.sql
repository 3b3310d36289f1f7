-- payouts: spiffs paid to referrers per referral (source `app`).
-- At most one payout per referral: won, qualified and demo referrals (a spiff on qualification,
-- a share of the subscription when won), and only at tiny scales any other. Ids follow the request time.
CREATE OR REPLACE TABLE payouts AS
WITH chosen AS (
    SELECT r.referral_id, r.referrer_id, r.stage, r.mrr,
           epoch(coalesce(CASE WHEN r.stage = 'won' THEN r.closed_at END, r.referred_at) - demo_start())::BIGINT AS earned_sec
    FROM referrals r
    ORDER BY CASE WHEN r.stage IN ('won', 'demo', 'qualified') THEN 0 ELSE 1 END,
             demo_u('payouts', r.referral_id, 'chosen')
    LIMIT demo_rows(60000)
), requested AS (
    SELECT c.*, f.payout_method,
           demo_after(c.earned_sec, pow(demo_u('payouts', c.referral_id, 'requested_at'), 2), 21 * 86400) AS requested_sec
    FROM chosen c
    JOIN referrers f USING (referrer_id)
), numbered AS (
    SELECT *, row_number() OVER (ORDER BY requested_sec, referral_id) AS id
    FROM requested
), decided AS (
    SELECT *,
           demo_age_days(requested_sec) AS age_days,
           demo_u('payouts', id, 'pending') AS pending_u,
           demo_u('payouts', id, 'outcome') AS outcome_u,
           demo_after(requested_sec, pow(demo_u('payouts', id, 'decided_at'), 2), 10 * 86400) AS decided_sec,
           CASE WHEN demo_u('payouts', id, 'method_change') < 0.95 THEN payout_method
                WHEN country_is_us THEN demo_pick(['paypal', 'venmo', 'visa_gift_card'], demo_u('payouts', id, 'method'))
                ELSE demo_pick(['paypal', 'visa_gift_card'], demo_u('payouts', id, 'method')) END AS method
    FROM (SELECT n.*, p.country = 'United States' AS country_is_us
          FROM numbered n
          JOIN referrers f USING (referrer_id)
          JOIN partners p ON p.partner_id = f.partner_id)
), statused AS (
    SELECT *,
           -- recent requests wait for a decision; old approved ones have long been paid
           CASE WHEN pending_u < exp(-age_days / 12) THEN 'pending'
                WHEN outcome_u < 0.05 THEN 'rejected'
                WHEN outcome_u < 0.08 THEN 'failed'
                WHEN outcome_u < 0.08 + 0.92 * exp(-age_days / 15) THEN 'approved'
                ELSE 'paid' END AS status
    FROM decided
)
SELECT
    id::INTEGER AS payout_id,
    referral_id::INTEGER AS referral_id,
    referrer_id::INTEGER AS referrer_id,
    -- skewed low: flat spiffs of 25 to 250 for qualified leads, a share of the first month's
    -- subscription for won deals, and now and then a bonus
    (CASE WHEN demo_u('payouts', id, 'bonus') < 0.02
              THEN demo_pick([500, 750, 1000, 1500, 2500], demo_u('payouts', id, 'amount'))
          WHEN mrr IS NOT NULL
              THEN least(2500, greatest(25, round(mrr * (0.2 + 0.6 * demo_u('payouts', id, 'amount')), 2)))
          ELSE demo_pick([25, 50, 50, 75, 100, 100, 100, 150, 200, 250], demo_u('payouts', id, 'amount'))
     END)::DECIMAL(10, 2) AS amount,
    method::VARCHAR AS method,
    status::VARCHAR AS status,
    demo_ts(requested_sec)::TIMESTAMP AS requested_at,
    CASE WHEN status <> 'pending' THEN demo_ts(decided_sec) END::TIMESTAMP AS decided_at,
    CASE WHEN status <> 'pending' THEN demo_pick(demo_approvers(), demo_u('payouts', id, 'decided_by')) END::VARCHAR AS decided_by,
    CASE WHEN status = 'paid'
         THEN demo_ts(demo_after(decided_sec, pow(demo_u('payouts', id, 'paid_at'), 2), 7 * 86400))
    END::TIMESTAMP AS paid_at,
    CASE WHEN status = 'rejected' AND demo_u('payouts', id, 'note') < 0.8
             THEN demo_pick(['Duplicate referral: brand already in pipeline', 'Self-referral',
                             'Brand below minimum GMV for the program', 'Referrer not approved at the time',
                             'Lead came in through paid search first'], demo_u('payouts', id, 'note_text'))
         WHEN status = 'failed' AND demo_u('payouts', id, 'note') < 0.9
             THEN CASE method
                      WHEN 'venmo' THEN demo_pick(['Venmo handle not found', 'Venmo account limited'], demo_u('payouts', id, 'note_text'))
                      WHEN 'paypal' THEN demo_pick(['PayPal account not verified', 'PayPal email bounced'], demo_u('payouts', id, 'note_text'))
                      ELSE demo_pick(['Gift card delivery bounced', 'Gift card provider timeout'], demo_u('payouts', id, 'note_text'))
                  END
         WHEN status NOT IN ('rejected', 'failed') AND demo_u('payouts', id, 'note') < 0.04
             THEN demo_pick(['Q4 double spiff promotion', 'Approved per partner manager',
                             'Split with co-referrer', 'Paid manually, see ticket',
                             'Referrer asked for a gift card instead', 'Verified with the brand'],
                            demo_u('payouts', id, 'note_text'))
    END::VARCHAR AS note
FROM statused
ORDER BY payout_id;
