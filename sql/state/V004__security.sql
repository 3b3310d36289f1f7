-- Security and the admin side (issue 9): idle session timeouts, token last use, invites,
-- two-factor secrets and password changes.

-- Written at most once a minute per session; a session idle past auth.idle_minutes is over.
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMP;
UPDATE sessions SET last_seen_at = created_at;

ALTER TABLE api_tokens ADD COLUMN last_used_at TIMESTAMP;

-- totp_secret is sealed by SecretBox (AES-GCM), never stored in clear.
ALTER TABLE users ADD COLUMN totp_secret VARCHAR;
ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMP;

-- Single-use, expiring invitations; only the hash of the link's token is stored.
CREATE SEQUENCE invite_ids START 1;
CREATE TABLE invites (
    id          BIGINT PRIMARY KEY DEFAULT nextval('invite_ids'),
    token_hash  VARCHAR NOT NULL UNIQUE,
    email       VARCHAR NOT NULL,
    role        VARCHAR NOT NULL,
    created_by  VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
