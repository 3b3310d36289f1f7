-- What the last syncs of each table did: when one last succeeded, how long it took and how many
-- rows it brought, the last error, and where an incremental sync resumes (the cursor's maximum).
CREATE TABLE sync_state (
    relation        VARCHAR PRIMARY KEY,
    source          VARCHAR NOT NULL,
    last_success_at TIMESTAMP,
    duration_ms     BIGINT,
    rows_read       BIGINT,
    last_error      VARCHAR,
    last_error_at   TIMESTAMP,
    cursor_value    VARCHAR,
    last_full_at    TIMESTAMP
);
