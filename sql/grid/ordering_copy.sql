-- An ordering of a view (which has no rowids): a sorted copy of its rows with a dense position.
CREATE TABLE {{ordering}} AS
SELECT (row_number() OVER (ORDER BY {{order}}) - 1)::BIGINT AS __rowdesk_pos, *
FROM {{table}}
ORDER BY {{order}}
