package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Server-side sessions, stored under the hash of the cookie value. */
public final class SessionRepository {
    private final Jdbi jdbi;

    public SessionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public void create(String tokenHash, long userId, LocalDateTime now, LocalDateTime expiresAt) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                                tokenHash,
                                userId,
                                now,
                                expiresAt));
    }

    /** The user id of a session that has not expired. */
    public Optional<Long> userOf(String tokenHash, LocalDateTime now) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?")
                                .bind(0, tokenHash)
                                .bind(1, now)
                                .mapTo(Long.class)
                                .findOne());
    }

    public void delete(String tokenHash) {
        jdbi.useHandle(
                handle -> handle.execute("DELETE FROM sessions WHERE token_hash = ?", tokenHash));
    }

    public int deleteExpired(LocalDateTime now) {
        return jdbi.withHandle(
                handle -> handle.execute("DELETE FROM sessions WHERE expires_at <= ?", now));
    }
}
