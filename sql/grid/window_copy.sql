-- One window of an ordering snapshot: positions ? to ? (inclusive); a row's rowid is its position.
SELECT *
FROM {{ordering}}
WHERE rowid BETWEEN ? AND ?
ORDER BY rowid
