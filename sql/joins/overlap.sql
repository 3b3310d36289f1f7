-- How many distinct non-NULL values two columns have, and how many they share. {{left}}, {{right}},
-- {{left_column}}, {{right_column}} are quoted identifiers from the catalog.
WITH l AS (SELECT DISTINCT {{left_column}} AS v FROM {{left}} WHERE {{left_column}} IS NOT NULL),
     r AS (SELECT DISTINCT {{right_column}} AS v FROM {{right}} WHERE {{right_column}} IS NOT NULL)
SELECT (SELECT count(*) FROM l) AS left_distinct,
       (SELECT count(*) FROM r) AS right_distinct,
       (SELECT count(*) FROM l JOIN r ON l.v = r.v) AS matched
