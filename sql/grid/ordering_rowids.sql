-- An ordering of a stored table: its rowids in sort order, numbered densely from 0.
-- Written in position order, so zone maps on __pos let a window read only the row groups it needs.
-- {{ordering}}: the table to create; {{table}}: the attached snapshot table; {{order}}: ORDER BY list.
CREATE TABLE {{ordering}} AS
SELECT (row_number() OVER (ORDER BY {{order}}) - 1)::BIGINT AS __pos, rowid AS __rid
FROM {{table}}
ORDER BY {{order}}
