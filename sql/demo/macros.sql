-- Helpers shared by the demo generator (see /docs: demo-warehouse).
-- The parameters are bound from Java with `SET VARIABLE demo_seed = ?` (BIGINT),
-- `demo_scale = ?` (DOUBLE) and `demo_as_of = ?` (DATE); nothing is spliced into this text.
--
-- Every value is derived from hash(seed, table, row number, column): random() under setseed is
-- not reproducible across DuckDB's threads, a hash of the row's identity is.
--
-- Times are computed as whole seconds since demo_start() (as_of - 3 years) and turned into
-- TIMESTAMPs at the end, so that every timestamp is a whole second in [as_of - 3 years, as_of).

-- Row count for a table of `base` rows at scale 1: rounded to the nearest row, at least one.
CREATE OR REPLACE TEMP MACRO demo_rows(base) AS
    greatest(1, round(base * getvariable('demo_scale')))::BIGINT;

-- A uniform number in [0, 1) for (table, row, column), from the top 53 bits of a hash, so it
-- converts to DOUBLE exactly. Not hash(seed, table, id, column): DuckDB combines the hashes of
-- several arguments so weakly that two columns of one row came out correlated (brand words and
-- suffixes fell into ~100 combinations). Here the row number is mixed into a per-(seed, table,
-- column) key and the result goes through DuckDB's 64-bit integer hash, which mixes well.
CREATE OR REPLACE TEMP MACRO demo_u(tbl, id, col) AS
    (hash(xor(hash(getvariable('demo_seed'), tbl, col), id::UBIGINT)) >> 11)::DOUBLE / 9007199254740992.0;

CREATE OR REPLACE TEMP MACRO demo_start() AS
    (getvariable('demo_as_of')::DATE - INTERVAL 3 YEAR)::TIMESTAMP;

-- Seconds in the window [demo_start(), as_of 00:00).
CREATE OR REPLACE TEMP MACRO demo_span() AS
    (epoch(getvariable('demo_as_of')::DATE::TIMESTAMP) - epoch(demo_start()))::BIGINT;

-- Base times (sign-ups, referrals, events) stay two hours short of the end of the window: the
-- few rows that must be pushed after their parent (a minute at a time, see demo_not_before) and
-- the follow-up times chained after them (demo_after) then still fall before as_of.
CREATE OR REPLACE TEMP MACRO demo_base_span() AS demo_span() - 7200;

CREATE OR REPLACE TEMP MACRO demo_ts(sec) AS demo_start() + to_seconds(sec::BIGINT);

-- Age in days of a time given in seconds since demo_start(), as seen from as_of.
CREATE OR REPLACE TEMP MACRO demo_age_days(sec) AS (demo_span() - sec) / 86400.0;

-- A business that grows: row x of a table (x in [0, 1), in id order) happens at fraction
-- demo_frac(x) of the window, with density rising like exp(a * t) after a start at fraction lo.
-- Because it is monotonic, ids follow time as an auto-increment key does in a real database.
CREATE OR REPLACE TEMP MACRO demo_frac(x, lo, a) AS
    lo + (1 - lo) * ln(1 + x * (exp(a) - 1)) / a;

-- The inverse: the share of a table's rows that happened before fraction f of the window.
CREATE OR REPLACE TEMP MACRO demo_frac_inv(f, lo, a) AS
    greatest(0.0, (exp(a * (f - lo) / (1 - lo)) - 1) / (exp(a) - 1));

-- Seconds since demo_start() of row `id` of a table of n rows.
CREATE OR REPLACE TEMP MACRO demo_base_sec(tbl, id, n, lo, a) AS
    floor(demo_frac((id - 1 + demo_u(tbl, id, 'at')) / n, lo, a) * demo_base_span())::BIGINT;

-- How many parent rows (of np, with curve lo/a) surely happened before the child's second `sec`:
-- a parent slot that ends 10 seconds or more earlier, so parent time < child time.
CREATE OR REPLACE TEMP MACRO demo_parents_before(sec, np, lo, a) AS
    floor(np * demo_frac_inv((sec - 10) / demo_base_span(), lo, a))::BIGINT;

-- A child row's time: its own base time, or a minute after its parent when the parent came later
-- (only the first rows at tiny scales, where no parent precedes the child).
CREATE OR REPLACE TEMP MACRO demo_not_before(own_sec, parent_sec) AS
    greatest(own_sec, parent_sec + 60);

-- A follow-up time (approval, close, decision, payment): at least one second after prev, at most
-- max_gap seconds after it, and never more than half of the time left, so it stays before as_of
-- however many follow-ups are chained.
CREATE OR REPLACE TEMP MACRO demo_after(prev_sec, u, max_gap) AS
    (prev_sec + 1 + floor(u * least(max_gap, (demo_span() - prev_sec - 2) / 2)))::BIGINT;

-- One element of a list, uniformly.
CREATE OR REPLACE TEMP MACRO demo_pick(vals, u) AS
    vals[1 + floor(u * len(vals))::INTEGER];

-- One element of a list with weights given as cumulative upper bounds (one fewer than values).
CREATE OR REPLACE TEMP MACRO demo_wpick(vals, cum, u) AS
    vals[1 + len(list_filter(cum, lambda c: c <= u))];

-- A slug for domains and e-mail addresses: lower case ASCII letters and digits only.
CREATE OR REPLACE TEMP MACRO demo_slug(s) AS
    regexp_replace(lower(strip_accents(s)), '[^a-z0-9]', '', 'g');

CREATE OR REPLACE TEMP MACRO demo_countries() AS
    ['United States', 'United Kingdom', 'Canada', 'Australia', 'Germany', 'France', 'Netherlands',
     'Spain', 'Brazil', 'India', 'Ireland', 'Sweden', 'Mexico', 'New Zealand', 'Singapore'];
CREATE OR REPLACE TEMP MACRO demo_country_weights() AS
    [0.36, 0.48, 0.56, 0.62, 0.69, 0.75, 0.80, 0.84, 0.88, 0.92, 0.94, 0.96, 0.975, 0.99];

-- Name lists by region, so that a referrer at a French partner is more likely to be a Camille.
CREATE OR REPLACE TEMP MACRO demo_region(country) AS CASE
    WHEN country = 'France' THEN 'fr'
    WHEN country IN ('Germany', 'Netherlands', 'Sweden') THEN 'de'
    WHEN country IN ('Spain', 'Brazil', 'Mexico') THEN 'es'
    WHEN country IN ('India', 'Singapore') THEN 'in'
    ELSE 'en' END;

CREATE OR REPLACE TEMP MACRO demo_first_names(region) AS CASE region
    WHEN 'fr' THEN ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Julien', 'Manon', 'Antoine', 'Inès',
        'Mathieu', 'Claire', 'Nicolas', 'Élodie', 'Thomas', 'Sophie', 'Baptiste', 'Margaux', 'Lucas',
        'Amélie', 'Romain', 'Pauline', 'Maxime', 'Juliette', 'Olivier', 'Céline', 'Théo', 'Anaïs', 'Guillaume']
    WHEN 'de' THEN ['Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Laura', 'Maximilian', 'Sophie', 'Niklas',
        'Julia', 'Tobias', 'Hannah', 'Daan', 'Sanne', 'Sem', 'Fleur', 'Lars', 'Emma', 'Erik', 'Ingrid',
        'Matthias', 'Katharina', 'Stefan', 'Miriam', 'Jan', 'Eva', 'Moritz', 'Femke']
    WHEN 'es' THEN ['Lucía', 'Mateo', 'Sofía', 'Diego', 'Valentina', 'Pablo', 'Camila', 'Javier', 'Isabela',
        'Alejandro', 'Martina', 'Gabriel', 'Mariana', 'Rafael', 'Carmen', 'Andrés', 'Beatriz', 'Thiago',
        'Ana', 'Fernando', 'Laura', 'Rodrigo', 'Paula', 'Joaquín', 'Elena', 'Bruno', 'Renata', 'Carlos']
    WHEN 'in' THEN ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Isha', 'Arjun', 'Kavya', 'Rahul',
        'Neha', 'Siddharth', 'Pooja', 'Karan', 'Divya', 'Aditya', 'Meera', 'Nikhil', 'Shreya', 'Wei',
        'Mei', 'Ravi', 'Anjali', 'Sanjay', 'Lakshmi', 'Amit', 'Sneha', 'Jun', 'Tanvi']
    ELSE ['James', 'Olivia', 'Michael', 'Emma', 'David', 'Sarah', 'Daniel', 'Emily', 'Chris', 'Jessica',
        'Ryan', 'Megan', 'Matt', 'Lauren', 'Kevin', 'Rachel', 'Brian', 'Hannah', 'Jason', 'Ashley',
        'Tyler', 'Amanda', 'Eric', 'Nicole', 'Justin', 'Rebecca', 'Sean', 'Katie', 'Marcus', 'Grace',
        'Ben', 'Chloe', 'Jordan', 'Taylor', 'Alex', 'Morgan', 'Liam', 'Zoe', 'Nathan', 'Maya',
        'Andre', 'Jasmine', 'Connor', 'Aisha', 'Luke', 'Priya', 'Tom', 'Natalie', 'Sam', 'Isabel']
    END;

CREATE OR REPLACE TEMP MACRO demo_last_names(region) AS CASE region
    WHEN 'fr' THEN ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand',
        'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand',
        'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert']
    WHEN 'de' THEN ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
        'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'de Jong', 'Jansen', 'de Vries',
        'van Dijk', 'Bakker', 'Visser', 'Smit', 'Andersson', 'Johansson', 'Lindqvist', 'Braun', 'Krüger']
    WHEN 'es' THEN ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez',
        'Pérez', 'Gómez', 'Díaz', 'Romero', 'Navarro', 'Torres', 'Ramírez', 'Silva', 'Santos',
        'Oliveira', 'Souza', 'Costa', 'Pereira', 'Almeida', 'Carvalho', 'Hernández', 'Morales', 'Castro', 'Ortiz']
    WHEN 'in' THEN ['Sharma', 'Patel', 'Gupta', 'Singh', 'Kumar', 'Reddy', 'Iyer', 'Nair', 'Mehta',
        'Joshi', 'Rao', 'Kapoor', 'Malhotra', 'Chopra', 'Banerjee', 'Desai', 'Menon', 'Agarwal',
        'Tan', 'Lim', 'Ng', 'Chen', 'Pillai', 'Verma', 'Bose', 'Shah']
    ELSE ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson',
        'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark',
        'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker',
        'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans',
        'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Murphy', 'Cook', 'Rogers', 'Morgan',
        'Cooper', 'Reed', 'Bailey', 'Kelly', 'Howard', 'Ward', 'Brooks', 'Bennett', 'Gray', 'Hughes',
        'Nguyen', 'Kim', 'Patel', 'Rivera', 'Okafor', 'Cohen', 'Walsh', 'Foster', 'Sullivan', 'Price']
    END;

-- The help-desk company's partnerships team, who decide on payouts.
CREATE OR REPLACE TEMP MACRO demo_approvers() AS
    ['maya.chen@lumadesk.com', 'jordan.reyes@lumadesk.com', 'priya.nair@lumadesk.com',
     'sam.okafor@lumadesk.com', 'elena.rossi@lumadesk.com', 'dan.whitaker@lumadesk.com'];
