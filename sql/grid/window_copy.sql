-- One window of a view's sorted copy: positions ? to ? (inclusive).
SELECT * EXCLUDE (__rowdesk_pos)
FROM {{ordering}}
WHERE __rowdesk_pos BETWEEN ? AND ?
ORDER BY __rowdesk_pos
