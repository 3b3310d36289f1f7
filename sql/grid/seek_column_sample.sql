-- Quantile seek: boundaries of one column, taken from a sample of its non-NULL values, and how
-- many distinct values the sample holds (few: the column is counted value by value instead).
-- Placeholders: column (quoted), rows (a FROM item: the relation, or the rows of a seek node),
-- sample (a USING SAMPLE clause, or nothing), quantiles (how many quantiles, a number).
-- Rows: one per distinct boundary in ascending order, as text; distinct_values repeated on each.
WITH sampled AS (
    SELECT {{column}} AS v FROM {{rows}} WHERE {{column}} IS NOT NULL {{sample}}
), counted AS (
    SELECT count(DISTINCT v) AS distinct_values,
           quantile_disc(v, list_transform(range(1, {{quantiles}}), lambda i: i / {{quantiles}})) AS qs
    FROM sampled
)
SELECT distinct_values, CAST(q AS VARCHAR) AS boundary
FROM (SELECT DISTINCT distinct_values, unnest(qs) AS q FROM counted)
ORDER BY q
