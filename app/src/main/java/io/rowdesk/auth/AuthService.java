package io.rowdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rowdesk.audit.AuditEntry.Outcome;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.audit.AuditSampler;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.TooManyRequestsException;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.secret.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs people in and out, tells who is behind a session cookie or an API token, and manages users,
 * invites, tokens and second factors.
 */
public final class AuthService {
    /** A fresh session: the cookie value is only ever in this object and the browser. */
    public record Login(User user, String sessionToken) {}

    /** What start-up did about the first admin; {@code generatedPassword} is shown once. */
    public record AdminBootstrap(boolean created, String email, String generatedPassword) {}

    /** A login attempt as the form or the API sends it. */
    public record LoginAttempt(
            String email,
            String password,
            String code,
            String clientIp,
            String previousSessionToken) {}

    /** How an attempt ended. */
    public sealed interface LoginOutcome {}

    public record LoggedIn(User user, String sessionToken) implements LoginOutcome {}

    /** Email and password are right, but the account signs in with a code too. */
    public record CodeNeeded() implements LoginOutcome {}

    public record Refused(String message) implements LoginOutcome {}

    /** A new invite: the link's token is only ever in this object and the link. */
    public record NewInvite(
            long id, String email, Role role, String token, LocalDateTime expires) {}

    /** A new API token, shown once. */
    public record NewToken(long id, String name, String token) {}

    /** A second factor being set up: the secret and the address an authenticator reads. */
    public record TwoFactorSetup(String secret, String uri) {}

    static final Duration IDENTITY_TTL = Duration.ofSeconds(15);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    public static final Duration INVITE_TTL = Duration.ofDays(7);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiTokenRepository tokens;
    private final InviteRepository invites;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final TwoFactor twoFactor;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final AuditSampler sampledAudit;
    private final AuthConfig config;
    private final Clock clock;
    // Verified when the email is unknown, so that a wrong email costs as long as a wrong password.
    private final String decoyHash;

    /**
     * Who is behind a session or token, for a few seconds: the state database answers one query at
     * a time, so this keeps 20 concurrent clients from queueing on it. Any change to a user,
     * session or token bumps {@link #generation}; an entry read under an older generation is read
     * again, so a disabled user, a role change or a password change takes effect on the very next
     * request (a plain invalidateAll could race with a load already in flight).
     */
    private final Cache<String, Optional<Identity>> identities =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(IDENTITY_TTL).build();

    private final AtomicLong generation = new AtomicLong();

    // A code is valid for up to 90 s (one step of drift either way): one seen at a login is
    // refused for the rest of that time, so a code read over someone's shoulder cannot be replayed.
    private final Cache<String, Boolean> usedCodes =
            Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterWrite(Duration.ofMinutes(2))
                    .build();

    private static final class Identity {
        final User user;
        final long generation;
        final LocalDateTime expiresAt;
        final long tokenId;
        final boolean twoFactor;
        volatile LocalDateTime lastSeen;
        volatile LocalDateTime lastWritten;

        Identity(
                User user,
                long generation,
                LocalDateTime expiresAt,
                LocalDateTime lastSeen,
                long tokenId,
                boolean twoFactor) {
            this.user = user;
            this.generation = generation;
            this.expiresAt = expiresAt;
            this.lastSeen = lastSeen;
            this.lastWritten = lastSeen;
            this.tokenId = tokenId;
            this.twoFactor = twoFactor;
        }
    }

    public AuthService(
            UserRepository users,
            SessionRepository sessions,
            ApiTokenRepository tokens,
            InviteRepository invites,
            PasswordHasher hasher,
            PasswordPolicy policy,
            SecretBox secrets,
            AuditLog audit,
            AuthConfig config,
            Clock clock) {
        this.users = Objects.requireNonNull(users, "users is null");
        this.sessions = Objects.requireNonNull(sessions, "sessions is null");
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
        this.invites = Objects.requireNonNull(invites, "invites is null");
        this.hasher = Objects.requireNonNull(hasher, "hasher is null");
        this.policy = Objects.requireNonNull(policy, "policy is null");
        this.secrets = Objects.requireNonNull(secrets, "secrets is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.config = Objects.requireNonNull(config, "config is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.throttle = new LoginThrottle(clock);
        this.twoFactor = new TwoFactor(clock);
        this.sampledAudit = new AuditSampler(audit, clock);
        this.decoyHash = hasher.hash(Tokens.random());
    }

    /**
     * Creates the admin when the state database has no user yet: with {@code password} if given,
     * else a random one, and {@code apiToken} (if given) as that admin's API token. A given
     * password must pass the password rule, or start-up stops here with the reason.
     */
    public AdminBootstrap ensureAdmin(String password, String apiToken) {
        sessions.deleteExpired(now());
        boolean generated = password == null || password.isBlank();
        if (!generated) {
            policy.problem(password, config.adminEmail())
                    .ifPresent(
                            problem -> {
                                throw new IllegalStateException(
                                        "ROWDESK_ADMIN_PASSWORD is refused: "
                                                + problem
                                                + " Every password, the first admin's included,"
                                                + " needs at least "
                                                + PasswordPolicy.MIN_LENGTH
                                                + " characters and must not be a common or easily"
                                                + " guessed one.");
                            });
        }
        if (users.count() > 0) {
            return new AdminBootstrap(false, config.adminEmail(), null);
        }
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

    public List<UserRepository.UserInfo> listUsers() {
        return users.list();
    }

    /** Creates a user with a password that passes the rule; a taken email is a conflict. */
    public User createUser(String email, Role role, String password, String actor) {
        String normalized = checkEmail(email);
        Objects.requireNonNull(role, "role is null");
        if (users.findByEmail(normalized).isPresent()) {
            throw UserFacingException.conflict("There is already a user " + normalized + ".");
        }
        policy.check(password, normalized);
        User user = users.create(normalized, role, hasher.hash(password), now());
        audit.record(
                actor, "user.create", user.email(), Outcome.SUCCESS, Map.of("role", role.label()));
        return user;
    }

    /** Changes a user's role and/or disables or re-enables them; their sessions end at once. */
    public UserRepository.UserInfo updateUser(long id, Role role, Boolean disabled, User actor) {
        var stored =
                users.findById(id)
                        .orElseThrow(
                                () -> UserFacingException.notFound("There is no user " + id + "."));
        User user = stored.user();
        boolean demotesAdmin =
                user.role() == Role.ADMIN
                        && !stored.disabled()
                        && ((role != null && role != Role.ADMIN) || Boolean.TRUE.equals(disabled));
        if (demotesAdmin && users.countActiveAdmins() <= 1) {
            throw UserFacingException.conflict(
                    "This is the last active admin; make someone else admin first.");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (role != null && role != user.role()) {
            users.setRole(id, role);
            details.put("role", role.label());
            details.put("previous_role", user.role().label());
        }
        if (disabled != null && disabled != stored.disabled()) {
            users.setDisabled(id, disabled ? now() : null);
            details.put("disabled", disabled);
            if (disabled) {
                sessions.deleteForUser(id, null);
            }
        }
        generation.incrementAndGet();
        if (!details.isEmpty()) {
            audit.record(actor.email(), "user.update", user.email(), Outcome.SUCCESS, details);
        }
        return users.list().stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    /**
     * A user changes their own password: the current one is asked for, every other session of
     * theirs ends at once, {@code keepSessionToken} (the one making the change) stays.
     */
    public void changePassword(
            User user, String currentPassword, String newPassword, String keepSessionToken) {
        var stored = users.findById(user.id()).orElseThrow();
        if (!hasher.verify(
                stored.passwordHash(), Objects.requireNonNullElse(currentPassword, ""))) {
            audit.record(
                    user.email(),
                    "user.password",
                    user.email(),
                    Outcome.FAILURE,
                    Map.of("reason", "wrong current password"));
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN, "The current password is not right.");
        }
        policy.check(newPassword, user.email());
        users.setPassword(user.id(), hasher.hash(newPassword), now());
        sessions.deleteForUser(
                user.id(), keepSessionToken == null ? null : Tokens.sha256(keepSessionToken));
        generation.incrementAndGet();
        audit.record(user.email(), "user.password", user.email(), Outcome.SUCCESS, Map.of());
    }

    public NewInvite invite(String email, Role role, User actor) {
        String normalized = checkEmail(email);
        if (role == null) {
            throw UserFacingException.badRequest("\"role\" must be viewer, builder or admin.");
        }
        if (users.findByEmail(normalized).isPresent()) {
            throw UserFacingException.conflict("There is already a user " + normalized + ".");
        }
        String token = Tokens.random();
        LocalDateTime now = now();
        LocalDateTime expires = now.plus(INVITE_TTL);
        long id =
                invites.create(Tokens.sha256(token), normalized, role, actor.email(), now, expires);
        audit.record(
                actor.email(),
                "invite.create",
                normalized,
                Outcome.SUCCESS,
                Map.of("role", role.label(), "expires", expires.toString()));
        return new NewInvite(id, normalized, role, token, expires);
    }

    public Optional<InviteRepository.Invite> findInvite(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return invites.findUsable(Tokens.sha256(token), now());
    }

    /**
     * Accepts an invite: creates the user with the chosen password; the link then stops working.
     */
    public User acceptInvite(String token, String password) {
        var invite =
                findInvite(token)
                        .orElseThrow(
                                () ->
                                        new UserFacingException(
                                                ErrorKind.NOT_FOUND,
                                                "This invitation is not valid any more; ask your"
                                                        + " admin for a new one."));
        policy.check(password, invite.email());
        if (!invites.use(invite.id(), now())) {
            throw UserFacingException.conflict("This invitation was used already.");
        }
        return createUser(invite.email(), invite.role(), password, "invite:" + invite.id());
    }

    public NewToken createToken(User user, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw UserFacingException.badRequest(
                    "\"name\" must say what the token is for (1 to 100 characters).");
        }
        String token = "rdk_" + Tokens.random();
        long id = tokens.create(Tokens.sha256(token), user.id(), name.strip(), now());
        audit.record(
                user.email(), "token.create", user.email(), Outcome.SUCCESS, Map.of("name", name));
        return new NewToken(id, name.strip(), token);
    }

    /** Kept for fixtures: the token text only. */
    public String createApiToken(User user, String name) {
        return createToken(user, name).token();
    }

    public List<ApiTokenRepository.TokenInfo> listTokens(User user) {
        return tokens.list(user.id());
    }

    public void revokeToken(User user, long tokenId) {
        if (!tokens.revoke(tokenId, user.id(), now())) {
            throw UserFacingException.notFound("You have no live token " + tokenId + ".");
        }
        generation.incrementAndGet();
        audit.record(
                user.email(), "token.revoke", user.email(), Outcome.SUCCESS, Map.of("id", tokenId));
    }

    /** Starts setting up a second factor: nothing changes until {@link #confirmTwoFactor}. */
    public TwoFactorSetup beginTwoFactor(User user) {
        String secret = twoFactor.newSecret();
        return new TwoFactorSetup(secret, twoFactor.uri(secret, user.email()));
    }

    /** Turns the second factor on once the user shows a code from their app. */
    public void confirmTwoFactor(User user, String secret, String code) {
        if (secret == null || !secret.matches("[A-Z2-7]{16,64}")) {
            throw UserFacingException.badRequest("Start the setup again.");
        }
        if (!twoFactor.verify(secret, code)) {
            throw UserFacingException.badRequest(
                    "That code does not match; check the time on your phone and try the next one.");
        }
        users.setTotpSecret(user.id(), secrets.seal(secret));
        generation.incrementAndGet();
        audit.record(user.email(), "user.totp.enable", user.email(), Outcome.SUCCESS, Map.of());
    }

    /** Whether {@code user} must set up a second factor before doing anything else. */
    public boolean needsTwoFactorSetup(User user) {
        Role from = config.totpRequiredFrom();
        if (from == null || !user.role().includes(from)) {
            return false;
        }
        return users.findById(user.id()).map(s -> s.sealedTotpSecret() == null).orElse(true);
    }

    /** The current code of a secret: for tests and scripts that enrol themselves. */
    public String currentCode(String secret) {
        return twoFactor.currentCode(secret);
    }

    /** Kept for callers that know nothing of second factors or rotation. */
    public Optional<Login> login(String email, String password, String clientIp) {
        LoginOutcome outcome = attempt(new LoginAttempt(email, password, null, clientIp, null));
        return outcome instanceof LoggedIn in
                ? Optional.of(new Login(in.user(), in.sessionToken()))
                : Optional.empty();
    }

    /**
     * One login attempt: throttled per account and address before any hashing, audited (repeats
     * summarised), and on success a brand-new session replaces the one the browser had.
     *
     * @throws TooManyRequestsException while the account or the address must wait
     */
    public LoginOutcome attempt(LoginAttempt attempt) {
        String normalized =
                attempt.email() == null ? "" : UserRepository.normalize(attempt.email());
        String ip = Objects.requireNonNullElse(attempt.clientIp(), "unknown");
        String actor = normalized.isEmpty() ? "anonymous" : normalized;
        try {
            throttle.check(normalized, ip);
        } catch (TooManyRequestsException e) {
            sampledAudit.record(
                    actor,
                    "auth.login",
                    normalized,
                    Outcome.DENIED,
                    ip,
                    Map.of("ip", ip, "reason", "throttled"));
            throw e;
        }
        var stored =
                normalized.isEmpty()
                        ? Optional.<UserRepository.StoredUser>empty()
                        : users.findByEmail(normalized);
        String hash = stored.map(UserRepository.StoredUser::passwordHash).orElse(decoyHash);
        boolean ok =
                hasher.verify(hash, attempt.password() == null ? "" : attempt.password())
                        && stored.isPresent();
        if (!ok || stored.get().disabled()) {
            throttle.failed(normalized, ip);
            sampledAudit.record(
                    actor,
                    "auth.login",
                    normalized,
                    Outcome.FAILURE,
                    ip,
                    Map.of(
                            "ip",
                            ip,
                            "reason",
                            stored.isEmpty()
                                    ? "unknown email"
                                    : ok ? "disabled" : "wrong password"));
            return new Refused("That email and password do not match an account.");
        }
        User user = stored.get().user();
        String sealed = stored.get().sealedTotpSecret();
        if (sealed != null) {
            if (attempt.code() == null || attempt.code().isBlank()) {
                return new CodeNeeded();
            }
            String codeKey = user.id() + ":" + attempt.code().replace(" ", "");
            if (usedCodes.asMap().putIfAbsent(codeKey, Boolean.TRUE) != null
                    || !twoFactor.verify(secrets.open(sealed), attempt.code())) {
                throttle.failed(normalized, ip);
                sampledAudit.record(
                        actor,
                        "auth.login",
                        normalized,
                        Outcome.FAILURE,
                        ip,
                        Map.of("ip", ip, "reason", "wrong code"));
                return new Refused("That code does not match; try the next one from your app.");
            }
        }
        throttle.succeeded(normalized);
        if (attempt.previousSessionToken() != null && !attempt.previousSessionToken().isBlank()) {
            endSession(attempt.previousSessionToken());
        }
        String token = Tokens.random();
        LocalDateTime now = now();
        sessions.create(Tokens.sha256(token), user.id(), now, now.plus(config.sessionTtl()));
        audit.record(user.email(), "auth.login", user.email(), Outcome.SUCCESS, Map.of("ip", ip));
        return new LoggedIn(user, token);
    }

    public void logout(String sessionToken, User user) {
        endSession(sessionToken);
        audit.record(user.email(), "auth.logout", user.email(), Outcome.SUCCESS, Map.of());
    }

    private void endSession(String sessionToken) {
        String hash = Tokens.sha256(sessionToken);
        sessions.delete(hash);
        identities.invalidate("s:" + hash);
    }

    public Optional<User> userForSession(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(sessionToken);
        String key = "s:" + hash;
        LocalDateTime now = now();
        Optional<Identity> identity = lookup(key, () -> loadSession(hash, now));
        if (identity.isEmpty()) {
            return Optional.empty();
        }
        Identity found = identity.get();
        if (!now.isBefore(found.expiresAt)
                || !found.lastSeen.isAfter(now.minus(config.idleTimeout()))) {
            sessions.delete(hash);
            identities.invalidate(key);
            return Optional.empty();
        }
        found.lastSeen = now;
        if (!found.lastWritten.isAfter(now.minus(TOUCH_EVERY))) {
            found.lastWritten = now;
            sessions.touch(hash, now);
        }
        return Optional.of(found.user);
    }

    public Optional<User> userForApiToken(String apiToken) {
        if (apiToken == null || apiToken.isBlank()) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(apiToken);
        LocalDateTime now = now();
        Optional<Identity> identity = lookup("t:" + hash, () -> loadToken(hash, now));
        identity.ifPresent(
                found -> {
                    if (!found.lastWritten.isAfter(now.minus(TOUCH_EVERY))) {
                        found.lastWritten = now;
                        tokens.touch(found.tokenId, now);
                    }
                });
        return identity.map(found -> found.user);
    }

    private Optional<Identity> lookup(
            String key, java.util.function.Supplier<Optional<Identity>> loader) {
        Optional<Identity> identity = identities.get(key, k -> loader.get());
        if (identity.isPresent() && identity.get().generation != generation.get()) {
            identities.invalidate(key);
            identity = identities.get(key, k -> loader.get());
        }
        if (identity.isEmpty()) {
            identities.invalidate(key); // an unknown cookie is asked again next time
        }
        return identity;
    }

    private Optional<Identity> loadSession(String hash, LocalDateTime now) {
        long seenGeneration = generation.get();
        return sessions.find(hash, now, now.minus(config.idleTimeout()))
                .flatMap(
                        live ->
                                users.findById(live.userId())
                                        .filter(s -> !s.disabled())
                                        .map(
                                                s ->
                                                        new Identity(
                                                                s.user(),
                                                                seenGeneration,
                                                                live.expiresAt(),
                                                                live.lastSeenAt(),
                                                                0,
                                                                s.sealedTotpSecret() != null)));
    }

    private Optional<Identity> loadToken(String hash, LocalDateTime now) {
        long seenGeneration = generation.get();
        return tokens.ownerOf(hash)
                .flatMap(
                        owner ->
                                users.findById(owner.userId())
                                        .filter(s -> !s.disabled())
                                        .map(
                                                s ->
                                                        new Identity(
                                                                s.user(),
                                                                seenGeneration,
                                                                LocalDateTime.MAX,
                                                                LocalDateTime.MIN,
                                                                owner.tokenId(),
                                                                s.sealedTotpSecret() != null)));
    }

    /** A CSRF token bound to a session: anyone who can read the page has it, no other site can. */
    public String csrfToken(String sessionToken) {
        return csrfTokenFor(sessionToken);
    }

    /** As {@link #csrfToken}, as a pure function. */
    public static String csrfTokenFor(String sessionToken) {
        return Tokens.sha256("csrf:" + Objects.requireNonNullElse(sessionToken, ""));
    }

    /** Writes the summaries of repeated failures still counted in memory (at shutdown). */
    public void flushAudit() {
        sampledAudit.flush();
    }

    public AuthConfig config() {
        return config;
    }

    private static String checkEmail(String email) {
        String normalized = email == null ? "" : UserRepository.normalize(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+") || normalized.length() > 254) {
            throw UserFacingException.badRequest("\"email\" must be an email address.");
        }
        return normalized;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
