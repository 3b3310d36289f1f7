package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Single-use, expiring invitations, stored under the hash of the link's token. */
public final class InviteRepository {
    /** An invite that can still be used. */
    public record Invite(long id, String email, Role role, LocalDateTime expiresAt) {}

    private final Jdbi jdbi;

    public InviteRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public long create(
            String tokenHash,
            String email,
            Role role,
            String createdBy,
            LocalDateTime now,
            LocalDateTime expiresAt) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "INSERT INTO invites (token_hash, email, role, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                                .bind(0, tokenHash)
                                .bind(1, UserRepository.normalize(email))
                                .bind(2, role.label())
                                .bind(3, createdBy)
                                .bind(4, now)
                                .bind(5, expiresAt)
                                .mapTo(Long.class)
                                .one());
    }

    public Optional<Invite> findUsable(String tokenHash, LocalDateTime now) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT id, email, role, expires_at FROM invites WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                                .bind(0, tokenHash)
                                .bind(1, now)
                                .map(
                                        (rs, ctx) ->
                                                new Invite(
                                                        rs.getLong(1),
                                                        rs.getString(2),
                                                        Role.parse(rs.getString(3)),
                                                        rs.getObject(4, LocalDateTime.class)))
                                .findOne());
    }

    /** Marks the invite used; false when someone used it first. */
    public boolean use(long id, LocalDateTime now) {
        return jdbi.withHandle(
                        handle ->
                                handle.execute(
                                        "UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL",
                                        now,
                                        id))
                > 0;
    }
}
