-- partners: companies in the referral program (source `app`).
-- A name is a first word and a second word chosen through a bijection of the id, so names are
-- unique; only beyond the 64 x 36 combinations does a number follow ("Northwind Digital 2").
-- The second word also gives the partner type: a "Studio" is an agency, a "Labs" a technology
-- vendor, a "Consulting" an implementation partner.
CREATE OR REPLACE TEMP TABLE demo_partner_words AS
SELECT
    ['Northwind', 'Bluefin', 'Harborline', 'Summit', 'Copperline', 'Brightpath', 'Evergreen',
     'Ironwood', 'Lakeside', 'Redwood', 'Silverline', 'Starling', 'Cobalt', 'Granite', 'Juniper',
     'Meridian', 'Oakridge', 'Pinecrest', 'Riverstone', 'Sagebrush', 'Tidewater', 'Westbrook',
     'Ashford', 'Beacon', 'Cedarwood', 'Driftwood', 'Emberly', 'Foxglove', 'Goldleaf', 'Highland',
     'Kestrel', 'Lighthouse', 'Maplewood', 'Nimbus', 'Orchard', 'Parkway', 'Quarry', 'Rosewood',
     'Saltbox', 'Thistle', 'Upland', 'Vantage', 'Wildflower', 'Alder', 'Brookline', 'Crestview',
     'Dovetail', 'Fairwind', 'Glasshouse', 'Keystone', 'Larkspur', 'Mosaic', 'Northstar', 'Pioneer',
     'Bramble', 'Skyline', 'Trailhead', 'Wavelength', 'Clearwater', 'Fieldstone', 'Halcyon', 'Lumen',
     'Bellwether', 'Ostara'] AS firsts,
    ['Digital', 'Commerce', 'Studio', 'Creative', 'Media', 'Collective', 'Agency', 'Interactive',
     'Marketing', 'Growth', 'Design', 'Brand Co.', 'Partners', 'Social', 'Ventures', 'Works',
     'Labs', 'Software', 'Technologies', 'Cloud', 'Analytics', 'Systems', 'Apps', 'Data', 'Logic',
     'Consulting', 'Solutions', 'Integrations', 'Advisory', 'Group', 'Implementations', 'Ops',
     'Retail Group', 'Strategies', 'Networks', 'Digital Group'] AS seconds,
    -- partner_type of each second word, in the same order
    ['agency', 'agency', 'agency', 'agency', 'agency', 'agency', 'agency', 'agency', 'agency',
     'agency', 'agency', 'agency', 'agency', 'agency', 'agency', 'agency',
     'technology', 'technology', 'technology', 'technology', 'technology', 'technology',
     'technology', 'technology', 'technology',
     'implementation', 'implementation', 'implementation', 'implementation', 'implementation',
     'implementation', 'implementation', 'implementation', 'implementation', 'implementation',
     'agency'] AS types;

CREATE OR REPLACE TABLE partners AS
WITH params AS (
    SELECT demo_rows(2000) AS n,
           len(firsts) * len(seconds) AS combos,
           -- a seed-dependent offset and a multiplier coprime with 64 x 36 = 2304 make the
           -- mapping from id to word pair a bijection that differs between seeds
           (hash(getvariable('demo_seed'), 'partners', 'name-offset') % (len(firsts) * len(seconds)))::BIGINT AS name_offset,
           firsts, seconds, types
    FROM demo_partner_words
), rows AS (
    SELECT r.i AS id, p.*,
           ((r.i - 1) * 1019 + p.name_offset) % p.combos AS pair,
           (r.i - 1) // p.combos AS round
    FROM params p, range(1, (SELECT n FROM params) + 1) r(i)
), named AS (
    SELECT id,
           firsts[1 + pair // len(seconds)] || ' ' || seconds[1 + pair % len(seconds)]
               || CASE WHEN round > 0 THEN ' ' || (round + 1) ELSE '' END AS name,
           types[1 + pair % len(seconds)] AS partner_type,
           n
    FROM rows
)
SELECT
    id::INTEGER AS partner_id,
    name::VARCHAR AS name,
    partner_type::VARCHAR AS partner_type,
    demo_wpick(demo_countries(), demo_country_weights(), demo_u('partners', id, 'country'))::VARCHAR AS country,
    demo_wpick(['bronze', 'silver', 'gold', 'platinum'], [0.55, 0.83, 0.96],
               demo_u('partners', id, 'tier'))::VARCHAR AS tier,
    demo_ts(demo_base_sec('partners', id, n, 0.0, 0.6))::TIMESTAMP AS joined_at
FROM named
ORDER BY partner_id;

-- The domain every referrer of a partner has an e-mail address at; unique because names are.
CREATE OR REPLACE TEMP TABLE demo_partner_domains AS
SELECT partner_id,
       demo_slug(name) || CASE partner_type WHEN 'technology' THEN '.io' ELSE '.com' END AS domain,
       demo_region(country) AS region,
       epoch(joined_at - demo_start())::BIGINT AS joined_sec
FROM partners;
