-- One row per payout with who earned it and what they referred: the approver's worklist.
SELECT
    p.payout_id,
    p.amount,
    p.method,
    p.status,
    p.requested_at,
    p.decided_at,
    p.decided_by,
    r.full_name      AS referrer_name,
    r.email          AS referrer_email,
    r.program_status,
    pa.name          AS partner_name,
    pa.tier          AS partner_tier,
    pa.country       AS partner_country,
    rf.brand_name,
    rf.vertical,
    rf.stage,
    rf.mrr
FROM payouts p
JOIN referrers r ON r.referrer_id = p.referrer_id
JOIN partners pa ON pa.partner_id = r.partner_id
LEFT JOIN referrals rf ON rf.referral_id = p.referral_id
