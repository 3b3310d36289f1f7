-- A window without an ordering snapshot: cheap near the top, slow deep down (the sort is redone).
SELECT *
FROM {{table}}
{{where}}
ORDER BY {{order}}
LIMIT ? OFFSET ?
