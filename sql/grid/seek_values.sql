-- Quantile seek: exact counts of a node's rows per value of a column with few values, ascending,
-- NULL last. Placeholders and parameters as in seek_counts.sql (no boundaries; group_by ends with
-- a comma when it is not empty); the last parameter caps the number of values read.
SELECT {{group}} AS g, CAST({{column}} AS VARCHAR) AS v, count(*) AS n
FROM (SELECT * FROM {{table}} {{where}}) AS __rowdesk_rows
WHERE {{node}}
GROUP BY {{group_by}} {{column}}
ORDER BY {{column}} ASC NULLS LAST
LIMIT ?
