package io.rowdesk.auth;

import java.time.Duration;

/**
 * {@code auth:} sessions and the first admin. {@code sessionTtl} is the absolute lifetime of a
 * session, {@code idleTimeout} how long it survives without a request. {@code secureCookies} is an
 * explicit override (null: decided per request, Secure and {@code __Host-} when served over https
 * or when {@code server.public_url} is https). {@code totpRequiredFrom}: users with this role or
 * above must sign in with a second factor (null: nobody must).
 */
public record AuthConfig(
        String adminEmail,
        Duration sessionTtl,
        Boolean secureCookies,
        Duration idleTimeout,
        Role totpRequiredFrom) {
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(60);
    public static final AuthConfig DEFAULT =
            new AuthConfig("admin@localhost", Duration.ofHours(12), null, DEFAULT_IDLE, null);

    public AuthConfig(String adminEmail, Duration sessionTtl, boolean secureCookies) {
        this(adminEmail, sessionTtl, secureCookies, DEFAULT_IDLE, null);
    }
}
