-- The where placeholder: empty, or the WHERE clause of an English search (values bound as parameters).
-- An ordering snapshot: a sorted copy of a relation's rows with a dense position from 0.
-- Written in position order (sorting on the one BIGINT is cheaper than sorting on the keys twice:
-- 2.1-3.4 s instead of 3.5 s on 5M rows), so zone maps on __rowdesk_pos let a window read only
-- the row group it needs. Placeholders: ordering (the table to create), table (the relation),
-- order (the ORDER BY list, with the tie-breaker).
CREATE TABLE {{ordering}} AS
SELECT (row_number() OVER (ORDER BY {{order}}) - 1)::BIGINT AS __rowdesk_pos, *
FROM {{table}}
{{where}}
ORDER BY __rowdesk_pos
