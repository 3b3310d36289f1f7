-- The most frequent values of a text column, with their counts; one more than the limit is asked
-- for so the caller knows whether the column is low-cardinality.
SELECT {{column}} AS value, count(*) AS n
FROM {{relation}}
WHERE {{column}} IS NOT NULL
GROUP BY 1
ORDER BY n DESC, value
LIMIT ?
