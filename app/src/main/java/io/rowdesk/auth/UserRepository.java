package io.rowdesk.auth;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Users in the state store. */
public final class UserRepository {
    /** A user row with its password hash, which never leaves the auth package. */
    record StoredUser(User user, String passwordHash, boolean disabled, String sealedTotpSecret) {
        StoredUser(User user, String passwordHash, boolean disabled) {
            this(user, passwordHash, disabled, null);
        }
    }

    /** What the users page and API show of a user. */
    public record UserInfo(
            long id,
            String email,
            Role role,
            boolean disabled,
            boolean twoFactor,
            LocalDateTime createdAt) {}

    private static final String STORED_COLUMNS =
            "id, email, role, password_hash, disabled_at IS NOT NULL AS disabled, totp_secret";

    private static final org.jdbi.v3.core.mapper.RowMapper<StoredUser> STORED =
            (rs, ctx) ->
                    new StoredUser(
                            new User(
                                    rs.getLong("id"),
                                    rs.getString("email"),
                                    Role.parse(rs.getString("role"))),
                            rs.getString("password_hash"),
                            rs.getBoolean("disabled"),
                            rs.getString("totp_secret"));

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
                                        "SELECT " + STORED_COLUMNS + " FROM users WHERE email = ?")
                                .bind(0, normalize(email))
                                .map(STORED)
                                .findOne());
    }

    Optional<StoredUser> findById(long id) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT " + STORED_COLUMNS + " FROM users WHERE id = ?")
                                .bind(0, id)
                                .map(STORED)
                                .findOne());
    }

    public java.util.List<UserInfo> list() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT id, email, role, disabled_at IS NOT NULL, totp_secret IS NOT NULL, created_at FROM users ORDER BY email")
                                .map(
                                        (rs, ctx) ->
                                                new UserInfo(
                                                        rs.getLong(1),
                                                        rs.getString(2),
                                                        Role.parse(rs.getString(3)),
                                                        rs.getBoolean(4),
                                                        rs.getBoolean(5),
                                                        rs.getObject(6, LocalDateTime.class)))
                                .list());
    }

    void setRole(long id, Role role) {
        jdbi.useHandle(
                handle ->
                        handle.execute("UPDATE users SET role = ? WHERE id = ?", role.label(), id));
    }

    void setDisabled(long id, LocalDateTime disabledAt) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "UPDATE users SET disabled_at = ? WHERE id = ?", disabledAt, id));
    }

    void setPassword(long id, String passwordHash, LocalDateTime now) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                                passwordHash,
                                now,
                                id));
    }

    void setTotpSecret(long id, String sealedSecret) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "UPDATE users SET totp_secret = ? WHERE id = ?", sealedSecret, id));
    }

    long countActiveAdmins() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        "SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL")
                                .mapTo(Long.class)
                                .one());
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
