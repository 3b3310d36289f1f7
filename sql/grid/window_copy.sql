-- One window of an ordering snapshot: positions ? to ? (inclusive).
SELECT * EXCLUDE (__rowdesk_pos)
FROM {{ordering}}
WHERE __rowdesk_pos BETWEEN ? AND ?
ORDER BY __rowdesk_pos
