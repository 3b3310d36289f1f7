package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Server-side sessions, stored under the hash of the cookie value. */
public final class SessionRepository {
    /** A live session: whose it is and when it ends at the latest. */
    public record Live(long userId, LocalDateTime expiresAt, LocalDateTime lastSeenAt) {}

    private final Jdbi jdbi;

    public SessionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public void create(String tokenHash, long userId, LocalDateTime now, LocalDateTime expiresAt) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                                tokenHash,
                                userId,
                                now,
                                expiresAt,
                                now));
    }

    /** The user id of a session that has not expired. */
    public Optional<Long> userOf(String tokenHash, LocalDateTime now) {
        return find(tokenHash, now, LocalDateTime.MIN).map(Live::userId);
    }

    /**
     * A session that has neither passed its absolute end nor been idle since {@code idleCutoff}.
     */
    public Optional<Live> find(String tokenHash, LocalDateTime now, LocalDateTime idleCutoff) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT user_id, expires_at, coalesce(last_seen_at, created_at) AS seen FROM sessions "
                                                + "WHERE token_hash = ? AND expires_at > ? AND coalesce(last_seen_at, created_at) > ?")
                                .bind(0, tokenHash)
                                .bind(1, now)
                                .bind(2, idleCutoff)
                                .map(
                                        (rs, ctx) ->
                                                new Live(
                                                        rs.getLong(1),
                                                        rs.getObject(2, LocalDateTime.class),
                                                        rs.getObject(3, LocalDateTime.class)))
                                .findOne());
    }

    public void touch(String tokenHash, LocalDateTime now) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                                now,
                                tokenHash));
    }

    public void delete(String tokenHash) {
        jdbi.useHandle(
                handle -> handle.execute("DELETE FROM sessions WHERE token_hash = ?", tokenHash));
    }

    /** Ends every session of a user but {@code keepHash} (null: all of them). */
    public int deleteForUser(long userId, String keepHash) {
        return jdbi.withHandle(
                handle ->
                        handle.execute(
                                "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?",
                                userId,
                                keepHash == null ? "" : keepHash));
    }

    public int deleteExpired(LocalDateTime now) {
        return jdbi.withHandle(
                handle -> handle.execute("DELETE FROM sessions WHERE expires_at <= ?", now));
    }
}
