-- Row actions: definitions (from the config and from builders, stored the same way), the outbox of
-- requests, every delivery attempt, and approvals. Claims are a lease with an expiry
-- (lease_owner, lease_expires_at) so that a Postgres state store can claim with
-- SELECT ... FOR UPDATE SKIP LOCKED instead; no secondary indexes, because DuckDB turns an UPDATE
-- of a row under an index into a delete and insert.

CREATE TABLE action_definitions (
    name       VARCHAR PRIMARY KEY,
    definition VARCHAR NOT NULL,     -- JSON, the shape of one entry of actions: in rowdesk.yaml
    origin     VARCHAR NOT NULL,     -- config | api
    updated_at TIMESTAMP NOT NULL,
    updated_by VARCHAR NOT NULL
);

CREATE TABLE action_requests (
    id               VARCHAR PRIMARY KEY,   -- UUIDv7: sortable by creation; the Idempotency-Key and webhook-id
    action           VARCHAR NOT NULL,
    relation         VARCHAR NOT NULL,
    row_key          VARCHAR NOT NULL,      -- the row's key as a JSON value
    state            VARCHAR NOT NULL,      -- queued, pending_approval, sending, succeeded, failed, rejected, cancelled
    payload          VARCHAR,               -- the rendered body, or for postgres {"sql", "params"}
    target           VARCHAR,               -- the rendered URL of an http destination
    inputs           VARCHAR,               -- JSON of the values typed in ({{input.x}})
    requested_by     VARCHAR NOT NULL,
    requested_by_id  BIGINT NOT NULL,
    batch_id         VARCHAR,
    approvals_needed INTEGER NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP NOT NULL,
    next_attempt_at  TIMESTAMP,
    lease_owner      VARCHAR,
    lease_expires_at TIMESTAMP,
    attempts         INTEGER NOT NULL,      -- all attempts, resends included
    cycle_attempts   INTEGER NOT NULL,      -- attempts since the request was (re)queued
    resends          INTEGER NOT NULL,
    last_status      INTEGER,
    last_error       VARCHAR,
    completed_at     TIMESTAMP
);

CREATE TABLE action_attempts (
    request_id  VARCHAR NOT NULL,
    attempt     INTEGER NOT NULL,
    started_at  TIMESTAMP NOT NULL,
    duration_ms BIGINT NOT NULL,
    status_code INTEGER,
    error_class VARCHAR,
    response    VARCHAR,                    -- truncated
    outcome     VARCHAR NOT NULL,           -- succeeded, retry, failed
    manual      BOOLEAN NOT NULL,           -- after a resend by a builder
    PRIMARY KEY (request_id, attempt)
);

CREATE TABLE action_approvals (
    request_id  VARCHAR NOT NULL,
    approver_id BIGINT NOT NULL,
    approver    VARCHAR NOT NULL,
    decision    VARCHAR NOT NULL,           -- approved | rejected
    comment     VARCHAR,
    decided_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (request_id, approver_id)
);
