package io.rowdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rowdesk.audit.AuditEntry.Outcome;
import io.rowdesk.audit.AuditLog;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Logs people in and out and tells who is behind a session cookie or an API token. */
public final class AuthService {
    /** A fresh session: the cookie value is only ever in this object and the browser. */
    public record Login(User user, String sessionToken) {}

    /** What start-up did about the first admin; {@code generatedPassword} is shown once. */
    public record AdminBootstrap(boolean created, String email, String generatedPassword) {}

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiTokenRepository tokens;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final AuthConfig config;
    private final Clock clock;
    // Verified when the email is unknown, so that a wrong email costs as long as a wrong password.
    private final String decoyHash;
    // Every API request asks who is behind its token or cookie; the state database answers that
    // one query at a time, so a short-lived cache keeps 20 concurrent clients from queueing on it.
    // Logout removes its entry at once; anything else (a disabled user) takes effect within the
    // TTL.
    private final Cache<String, Optional<User>> identities =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(IDENTITY_TTL).build();
    static final java.time.Duration IDENTITY_TTL = java.time.Duration.ofSeconds(15);

    public AuthService(
            UserRepository users,
            SessionRepository sessions,
            ApiTokenRepository tokens,
            PasswordHasher hasher,
            AuditLog audit,
            AuthConfig config,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users is null");
        this.sessions = Objects.requireNonNull(sessions, "sessions is null");
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
        this.hasher = Objects.requireNonNull(hasher, "hasher is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.decoyHash = hasher.hash(Tokens.random());
    }

    /**
     * Creates the admin when the state database has no user yet: with {@code password} if given,
     * else a random one, and {@code apiToken} (if given) as that admin's API token.
     */
    public AdminBootstrap ensureAdmin(String password, String apiToken) {
        sessions.deleteExpired(now());
        if (users.count() > 0) {
            return new AdminBootstrap(false, config.adminEmail(), null);
        }
        boolean generated = password == null || password.isBlank();
        String actual = generated ? Tokens.password() : password;
        User admin = users.create(config.adminEmail(), Role.ADMIN, hasher.hash(actual), now());
        if (apiToken != null && !apiToken.isBlank()) {
            tokens.create(Tokens.sha256(apiToken), admin.id(), "ROWDESK_ADMIN_TOKEN", now());
        }
        audit.record(
                "system",
                "user.create",
                admin.email(),
                Outcome.SUCCESS,
                Map.of(
                        "role",
                        admin.role().label(),
                        "script_access",
                        apiToken != null && !apiToken.isBlank()));
        return new AdminBootstrap(true, admin.email(), generated ? actual : null);
    }

    public Optional<User> findUser(String email) {
        return users.findByEmail(email).map(UserRepository.StoredUser::user);
    }

    public User createUser(String email, Role role, String password, String actor) {
        User user = users.create(email, role, hasher.hash(password), now());
        audit.record(
                actor, "user.create", user.email(), Outcome.SUCCESS, Map.of("role", role.label()));
        return user;
    }

    public String createApiToken(User user, String name) {
        String token = "rdk_" + Tokens.random();
        tokens.create(Tokens.sha256(token), user.id(), name, now());
        audit.record(
                user.email(), "token.create", user.email(), Outcome.SUCCESS, Map.of("name", name));
        return token;
    }

    public Optional<Login> login(String email, String password, String clientIp) {
        String normalized = email == null ? "" : UserRepository.normalize(email);
        var stored =
                normalized.isEmpty()
                        ? Optional.<UserRepository.StoredUser>empty()
                        : users.findByEmail(normalized);
        String hash = stored.map(UserRepository.StoredUser::passwordHash).orElse(decoyHash);
        boolean ok = hasher.verify(hash, password == null ? "" : password) && stored.isPresent();
        if (!ok || stored.get().disabled()) {
            audit.record(
                    normalized.isEmpty() ? "anonymous" : normalized,
                    "auth.login",
                    normalized,
                    Outcome.FAILURE,
                    Map.of(
                            "ip",
                            clientIp,
                            "reason",
                            stored.isEmpty()
                                    ? "unknown email"
                                    : ok ? "disabled" : "wrong password"));
            return Optional.empty();
        }
        User user = stored.get().user();
        String token = Tokens.random();
        LocalDateTime now = now();
        sessions.create(Tokens.sha256(token), user.id(), now, now.plus(config.sessionTtl()));
        audit.record(
                user.email(), "auth.login", user.email(), Outcome.SUCCESS, Map.of("ip", clientIp));
        return Optional.of(new Login(user, token));
    }

    public void logout(String sessionToken, User user) {
        sessions.delete(Tokens.sha256(sessionToken));
        identities.invalidate("s:" + Tokens.sha256(sessionToken));
        audit.record(user.email(), "auth.logout", user.email(), Outcome.SUCCESS, Map.of());
    }

    public Optional<User> userForSession(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(sessionToken);
        Optional<User> user =
                identities.get(
                        "s:" + hash,
                        k -> sessions.userOf(hash, now()).flatMap(users::findActiveById));
        if (user.isEmpty()) {
            identities.invalidate("s:" + hash); // an unknown cookie is asked again next time
        }
        return user;
    }

    public Optional<User> userForApiToken(String apiToken) {
        if (apiToken == null || apiToken.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(apiToken);
        Optional<User> user =
                identities.get(
                        "t:" + hash, k -> tokens.userOf(hash).flatMap(users::findActiveById));
        if (user.isEmpty()) {
            identities.invalidate("t:" + hash);
        }
        return user;
    }

    public AuthConfig config() {
        return config;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
