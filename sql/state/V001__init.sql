-- The state database: who may log in, their sessions and tokens, the audit chain, and which
-- cache snapshot each relation currently reads. Portable SQL: a Postgres state store can share it.

CREATE SEQUENCE user_ids START 1;
CREATE TABLE users (
    id            BIGINT PRIMARY KEY DEFAULT nextval('user_ids'),
    email         VARCHAR NOT NULL UNIQUE,
    role          VARCHAR NOT NULL,
    password_hash VARCHAR NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    disabled_at   TIMESTAMP
);

-- Only a hash of the session cookie is stored: a copy of this database logs nobody in.
CREATE TABLE sessions (
    token_hash VARCHAR PRIMARY KEY,
    user_id    BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE api_token_ids START 1;
CREATE TABLE api_tokens (
    id         BIGINT PRIMARY KEY DEFAULT nextval('api_token_ids'),
    token_hash VARCHAR NOT NULL UNIQUE,
    user_id    BIGINT NOT NULL,
    name       VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

-- Append-only; each row's hash covers the previous hash and the row's canonical JSON.
CREATE TABLE audit_log (
    seq       BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor     VARCHAR NOT NULL,
    action    VARCHAR NOT NULL,
    target    VARCHAR,
    outcome   VARCHAR NOT NULL,
    details   VARCHAR NOT NULL,
    prev_hash VARCHAR NOT NULL,
    hash      VARCHAR NOT NULL
);

CREATE TABLE snapshots (
    relation  VARCHAR PRIMARY KEY,
    source    VARCHAR NOT NULL,
    file      VARCHAR NOT NULL,
    row_count BIGINT NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    origin    VARCHAR NOT NULL
);
