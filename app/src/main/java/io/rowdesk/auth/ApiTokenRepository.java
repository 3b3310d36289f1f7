package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** API tokens for scripts ({@code Authorization: Bearer}), stored hashed. */
public final class ApiTokenRepository {
    private final Jdbi jdbi;

    public ApiTokenRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public void create(String tokenHash, long userId, String name, LocalDateTime now) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)",
                                tokenHash,
                                userId,
                                name,
                                now));
    }

    public Optional<Long> userOf(String tokenHash) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT user_id FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL")
                                .bind(0, tokenHash)
                                .mapTo(Long.class)
                                .findOne());
    }
}
