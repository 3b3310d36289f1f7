-- referrals: brands referred by referrers (source `warehouse`).
-- Ids follow time; a referral is made by a referrer who had signed up before, preferably an
-- approved one (of two candidates, the first approved one wins).
CREATE OR REPLACE TEMP TABLE demo_referrals_raw AS
WITH counts AS (
    SELECT demo_rows(200000) AS n, (SELECT count(*) FROM referrers) AS nr
), own AS (
    SELECT r.i AS id,
           demo_base_sec('referrals', r.i, c.n, 0.02, 1.1) AS own_sec,
           demo_parents_before(demo_base_sec('referrals', r.i, c.n, 0.02, 1.1), c.nr, 0.01, 0.9) AS k
    FROM counts c, range(1, (SELECT n FROM counts) + 1) r(i)
), candidates AS (
    SELECT id, own_sec,
           (1 + floor(demo_u('referrals', id, 'referrer') * k))::BIGINT AS first_choice,
           (1 + floor(demo_u('referrals', id, 'referrer2') * k))::BIGINT AS second_choice
    FROM own
)
SELECT c.id,
       CASE WHEN f.program_status = 'approved' THEN c.first_choice ELSE c.second_choice END AS referrer_id,
       c.own_sec
FROM candidates c
JOIN referrers f ON f.referrer_id = c.first_choice;

CREATE OR REPLACE TABLE referrals AS
WITH placed AS (
    SELECT r.id, r.referrer_id, d.region,
           demo_not_before(r.own_sec, epoch(f.signed_up_at - demo_start())::BIGINT) AS referred_sec
    FROM demo_referrals_raw r
    JOIN referrers f USING (referrer_id)
    JOIN demo_partner_domains d ON d.partner_id = f.partner_id
), branded AS (
    SELECT *,
           demo_wpick(['Apparel & Accessories', 'Food & Beverage', 'Health & Beauty', 'Home & Garden',
                       'Sporting Goods'], [0.30, 0.48, 0.70, 0.88], demo_u('referrals', id, 'vertical')) AS vertical,
           CASE WHEN demo_u('referrals', id, 'brand_form') < 0.15
                THEN demo_pick(['Juniper', 'Marigold', 'Sunday', 'Kindred', 'Meadow', 'Velvet', 'Olive',
                    'Saffron', 'Birch', 'Coastal', 'Copper', 'Fable', 'Hearth', 'Indigo', 'Nomad', 'Pebble',
                    'Tandem', 'Willow', 'Zephyr', 'Atlas', 'Bloom', 'Cove', 'Dune', 'Ember', 'Grove',
                    'Haven', 'Jade', 'Loom', 'Moss', 'Quill', 'Ridge', 'Sable', 'Tide', 'Vale', 'Wren',
                    'Yarrow', 'Aster', 'Bramblewood', 'Cinder', 'Daybreak', 'Fjord', 'Goldie', 'Hollis',
                    'Ivy', 'Kettle', 'Lark', 'Mabel', 'Nectar', 'Orla', 'Poppy', 'Rosie', 'Sprout',
                    'Thimble', 'Umbra', 'Vesper', 'Wilder', 'Bodhi', 'Cardamom', 'Oasis', 'Sorrel'],
                    demo_u('referrals', id, 'brand_word'))
                ELSE demo_pick(['Wild', 'Little', 'Golden', 'Salty', 'Honest', 'Bold', 'Quiet', 'Happy',
                    'Sunny', 'Northern', 'Good', 'True', 'Simple', 'Urban', 'Coastal', 'Lucky', 'Brave',
                    'Slow', 'Bright', 'Gentle', 'Wandering', 'Humble', 'Rustic', 'Modern', 'Curious',
                    'Tiny', 'Mighty', 'Sweet', 'Silver', 'Blue', 'Green', 'Velvet', 'Lazy', 'Hidden', 'Early',
                    'Native', 'Proper', 'Clever', 'Kind', 'Free', 'Fresh', 'Rare', 'Wise', 'Noble', 'Merry',
                    'Lunar', 'Solar', 'Misty', 'Crisp', 'Plain'],
                    demo_u('referrals', id, 'brand_adjective'))
                    || ' ' ||
                    demo_pick(['Fern', 'Fox', 'Pine', 'Harbor', 'Oak', 'Bee', 'Moon', 'Sparrow', 'Otter',
                    'Canyon', 'Lemon', 'Tiger', 'River', 'Clover', 'Heron', 'Maple', 'Peach', 'Stone',
                    'Cloud', 'Orchid', 'Wolf', 'Sage', 'Bear', 'Fig', 'Coral', 'Owl', 'Birch', 'Finch',
                    'Cedar', 'Mango', 'Thistle', 'Lotus', 'Badger', 'Plum', 'Acorn', 'Comet', 'Dahlia',
                    'Pepper', 'Raven', 'Reef', 'Meadow', 'Ember', 'Willow', 'Kite', 'Lantern', 'Pony',
                    'Quince', 'Rabbit', 'Saddle', 'Tulip', 'Walnut', 'Yak', 'Zebra', 'Basil', 'Crane',
                    'Daisy', 'Elm', 'Gull', 'Hazel', 'Juniper'],
                    demo_u('referrals', id, 'brand_noun'))
           END AS brand_prefix,
           demo_u('referrals', id, 'brand_suffix') AS suffix_u
    FROM placed
), named AS (
    SELECT *,
           brand_prefix || ' ' || CASE vertical
               WHEN 'Apparel & Accessories' THEN demo_pick(['Apparel', 'Threads', 'Outfitters', 'Denim Co.',
                   'Knitwear', 'Boutique', 'Clothing', 'Jewelry', 'Eyewear', 'Leather Goods'], suffix_u)
               WHEN 'Food & Beverage' THEN demo_pick(['Coffee Roasters', 'Provisions', 'Kitchen', 'Pantry',
                   'Tea Co.', 'Bakehouse', 'Brewing', 'Snacks', 'Chocolate', 'Spice Co.'], suffix_u)
               WHEN 'Health & Beauty' THEN demo_pick(['Skincare', 'Botanicals', 'Apothecary', 'Beauty',
                   'Wellness', 'Cosmetics', 'Naturals', 'Haircare', 'Supplements', 'Soap Co.'], suffix_u)
               WHEN 'Home & Garden' THEN demo_pick(['Home', 'Living', 'Candle Co.', 'Linens', 'Garden Supply',
                   'Ceramics', 'Interiors', 'Goods', 'Furniture', 'Plant Shop'], suffix_u)
               ELSE demo_pick(['Outdoors', 'Athletics', 'Cycles', 'Gear', 'Surf Co.', 'Trail Supply',
                   'Fitness', 'Golf', 'Climbing', 'Paddle Co.'], suffix_u)
           END AS brand_name,
           demo_pick(demo_first_names(region), demo_u('referrals', id, 'lead_first')) AS lead_first,
           demo_pick(demo_last_names(region), demo_u('referrals', id, 'lead_last')) AS lead_last,
           demo_u('referrals', id, 'lead_format') AS lead_u,
           demo_u('referrals', id, 'domain_form') AS domain_u,
           demo_age_days(referred_sec) AS age_days,
           demo_u('referrals', id, 'stage') AS stage_u,
           demo_u('referrals', id, 'open_stage') AS open_u,
           -- log-skewed: half of the brands sell under about 1.3 million a year
           least(50000000, round(exp(ln(50000) + pow(demo_u('referrals', id, 'annual_gmv'), 1.6) * ln(1000)), -3)) AS gmv
    FROM branded
), staged AS (
    SELECT *,
           -- recent referrals are still in the pipeline, old ones closed, about a third of them won
           CASE WHEN stage_u < exp(-age_days / 50)
                THEN demo_wpick(['submitted', 'qualified', 'demo'], [0.45, 0.8], open_u)
                ELSE CASE WHEN open_u < 0.32 THEN 'won' ELSE 'lost' END
           END AS stage,
           CASE WHEN domain_u < 0.6 THEN demo_slug(brand_name) || '.com'
                WHEN domain_u < 0.8 THEN 'shop' || demo_slug(brand_prefix) || '.com'
                ELSE demo_slug(brand_prefix) || '.co' END AS brand_domain
    FROM named
)
SELECT
    id::INTEGER AS referral_id,
    referrer_id::INTEGER AS referrer_id,
    brand_name::VARCHAR AS brand_name,
    (CASE WHEN lead_u < 0.40 THEN demo_slug(lead_first)
          WHEN lead_u < 0.70 THEN demo_slug(lead_first) || '.' || demo_slug(lead_last)
          WHEN lead_u < 0.85 THEN left(demo_slug(lead_first), 1) || demo_slug(lead_last)
          ELSE demo_pick(['hello', 'ops', 'founders', 'support', 'team', 'partnerships'],
                         demo_u('referrals', id, 'lead_role'))
     END || '@' || brand_domain)::VARCHAR AS lead_email,
    vertical::VARCHAR AS vertical,
    gmv::DECIMAL(14, 2) AS annual_gmv,
    stage::VARCHAR AS stage,
    demo_ts(referred_sec)::TIMESTAMP AS referred_at,
    CASE WHEN stage IN ('won', 'lost')
         THEN demo_ts(demo_after(referred_sec, pow(demo_u('referrals', id, 'closed_at'), 1.5), 120 * 86400))
    END::TIMESTAMP AS closed_at,
    -- a help-desk subscription grows with the brand's size: roughly 60 to 3,000 a month
    CASE WHEN stage = 'won'
         THEN round(49 + sqrt(gmv) * 0.4 * (0.6 + 0.8 * demo_u('referrals', id, 'mrr')))
    END::DECIMAL(10, 2) AS mrr
FROM staged
ORDER BY referral_id;
