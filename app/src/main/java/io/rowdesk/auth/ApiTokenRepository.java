package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API tokens for scripts ({@code Authorization: Bearer}), stored hashed. */
public final class ApiTokenRepository {
    /** What a token's owner sees of it: never the token. */
    public record TokenInfo(
            long id,
            String name,
            LocalDateTime createdAt,
            LocalDateTime lastUsedAt,
            LocalDateTime revokedAt) {}

    /** A live token: its id and owner. */
    public record Owner(long tokenId, long userId) {}

    private final Jdbi jdbi;

    public ApiTokenRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public long create(String tokenHash, long userId, String name, LocalDateTime now) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?) RETURNING id")
                                .bind(0, tokenHash)
                                .bind(1, userId)
                                .bind(2, name)
                                .bind(3, now)
                                .mapTo(Long.class)
                                .one());
    }

    public Optional<Long> userOf(String tokenHash) {
        return ownerOf(tokenHash).map(Owner::userId);
    }

    public Optional<Owner> ownerOf(String tokenHash) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT id, user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
                                .bind(0, tokenHash)
                                .map((rs, ctx) -> new Owner(rs.getLong(1), rs.getLong(2)))
                                .findOne());
    }

    public List<TokenInfo> list(long userId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id")
                                .bind(0, userId)
                                .map(
                                        (rs, ctx) ->
                                                new TokenInfo(
                                                        rs.getLong(1),
                                                        rs.getString(2),
                                                        rs.getObject(3, LocalDateTime.class),
                                                        rs.getObject(4, LocalDateTime.class),
                                                        rs.getObject(5, LocalDateTime.class)))
                                .list());
    }

    /** Revokes a token of {@code userId}; false when there is no such live token. */
    public boolean revoke(long tokenId, long userId, LocalDateTime now) {
        return jdbi.withHandle(
                        handle ->
                                handle.execute(
                                        "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL",
                                        now,
                                        tokenId,
                                        userId))
                > 0;
    }

    public void revokeAll(long userId, LocalDateTime now) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
                                now,
                                userId));
    }

    public void touch(long tokenId, LocalDateTime now) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
                                now,
                                tokenId));
    }
}
