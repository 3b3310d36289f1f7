-- Quantile seek: exact counts of a node's rows in the bins of one column. With boundaries
-- b1 < ... < bm (bound as a JSON list of their text, cast to the column's type): per boundary, the
-- rows in (b[i-1], b[i]] and the rows equal to b[i]; the total and the non-NULL count.
-- Placeholders: column (quoted), type (the column's DuckDB type), table (the relation), where (the
-- search's WHERE clause or nothing), node (the node's predicate), group (the text of the column
-- whose sibling nodes are counted in the same scan, or a constant) and group_by (GROUP BY it, or
-- nothing: one row even when no row matches). Parameters: the boundaries' JSON, the search's
-- values, the node's values.
WITH bounds AS (SELECT CAST(from_json(?, '["VARCHAR"]') AS {{type}}[]) AS b)
SELECT {{group}} AS g,
       count(*) AS n,
       count({{column}}) AS non_null,
       map_values(histogram({{column}}, (SELECT b FROM bounds))) AS at_most,
       map_values(histogram_exact({{column}}, (SELECT b FROM bounds))) AS equal
FROM (SELECT * FROM {{table}} {{where}}) AS __rowdesk_rows
WHERE {{node}}
{{group_by}}
