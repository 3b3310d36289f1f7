package io.rowdesk.auth;

import java.time.Duration;

/** {@code auth:} sessions and the first admin. */
public record AuthConfig(String adminEmail, Duration sessionTtl, boolean secureCookies) {
    public static final AuthConfig DEFAULT =
            new AuthConfig("admin@localhost", Duration.ofHours(12), false);
}
