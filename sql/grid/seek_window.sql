-- Quantile seek: one window inside a leaf of the seek (a run of consecutive positions small enough
-- to sort). Placeholders: table, where, node as in seek_counts.sql; order (the full ORDER BY list).
-- Parameters: the search's values, the node's values, limit, offset within the leaf.
SELECT *
FROM (SELECT * FROM {{table}} {{where}}) AS __rowdesk_rows
WHERE {{node}}
ORDER BY {{order}}
LIMIT ? OFFSET ?
