-- One window of a stored table's ordering: positions ? to ? (inclusive), joined back by rowid.
SELECT t.*
FROM {{ordering}} o
JOIN {{table}} t ON t.rowid = o.__rid
WHERE o.__pos BETWEEN ? AND ?
ORDER BY o.__pos
