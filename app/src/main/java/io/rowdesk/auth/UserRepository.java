package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Users in the state store. */
public final class UserRepository {
    /** A user row with its password hash, which never leaves the auth package. */
    record StoredUser(User user, String passwordHash, boolean disabled) {}

    private final Jdbi jdbi;

    public UserRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public User create(String email, Role role, String passwordHash, LocalDateTime now) {
        long id =
                jdbi.withHandle(
                        handle ->
                                handle.createQuery(
                                                """
                        INSERT INTO users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)
                        RETURNING id""")
                                        .bind(0, normalize(email))
                                        .bind(1, role.label())
                                        .bind(2, passwordHash)
                                        .bind(3, now)
                                        .mapTo(Long.class)
                                        .one());
        return new User(id, normalize(email), role);
    }

    Optional<StoredUser> findByEmail(String email) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT id, email, role, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE email = ?")
                                .bind(0, normalize(email))
                                .map(
                                        (rs, ctx) ->
                                                new StoredUser(
                                                        new User(
                                                                rs.getLong("id"),
                                                                rs.getString("email"),
                                                                Role.parse(rs.getString("role"))),
                                                        rs.getString("password_hash"),
                                                        rs.getBoolean("disabled")))
                                .findOne());
    }

    public Optional<User> findActiveById(long id) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT id, email, role FROM users WHERE id = ? AND disabled_at IS NULL")
                                .bind(0, id)
                                .map(
                                        (rs, ctx) ->
                                                new User(
                                                        rs.getLong("id"),
                                                        rs.getString("email"),
                                                        Role.parse(rs.getString("role"))))
                                .findOne());
    }

    public long count() {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
