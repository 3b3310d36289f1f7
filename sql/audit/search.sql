-- Audit entries matching the admin's filters, newest first; every filter is optional (NULL).
SELECT * FROM audit_log
WHERE (CAST(:actor AS VARCHAR) IS NULL OR actor = :actor)
  AND (CAST(:action AS VARCHAR) IS NULL OR action = :action OR action LIKE :action || '.%')
  AND (CAST(:target AS VARCHAR) IS NULL OR target = :target)
  AND (CAST(:outcome AS VARCHAR) IS NULL OR outcome = :outcome)
  AND (CAST(:from_time AS TIMESTAMP) IS NULL OR occurred_at >= :from_time)
  AND (CAST(:to_time AS TIMESTAMP) IS NULL OR occurred_at < :to_time)
  AND (CAST(:text AS VARCHAR) IS NULL
       OR contains(lower(concat_ws(' ', actor, action, coalesce(target, ''), details)), lower(:text)))
  AND (CAST(:before_seq AS BIGINT) IS NULL OR seq < :before_seq)
ORDER BY seq DESC
LIMIT :row_limit
