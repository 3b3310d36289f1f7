-- Per column of one relation: nulls, distinct values (exact), min and max. {{column}} is a quoted
-- identifier from the catalog; {{relation}} likewise.
SELECT
    count(*)                         AS row_count,
    count(*) - count({{column}})       AS null_count,
    count(DISTINCT {{column}})         AS distinct_count,
    min({{column}})::VARCHAR           AS min_value,
    max({{column}})::VARCHAR           AS max_value
FROM {{relation}}
