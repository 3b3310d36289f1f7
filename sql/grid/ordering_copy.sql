-- The where placeholder: empty, or the WHERE clause of an English search (values bound as parameters).
-- An ordering snapshot: a sorted copy of a relation's rows with a dense position from 0.
-- Written in position order, so zone maps on __rowdesk_pos let a window read only the row group it needs.
-- Placeholders: ordering (the table to create), table (the relation), order (the ORDER BY list).
CREATE TABLE {{ordering}} AS
SELECT (row_number() OVER (ORDER BY {{order}}) - 1)::BIGINT AS __rowdesk_pos, *
FROM {{table}}
{{where}}
ORDER BY {{order}}
