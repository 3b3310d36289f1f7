package io.rowdesk.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rowdesk.error.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Growing delays after failed logins, per account and per client address, checked before any
 * password is hashed: a guesser gets a 429 with {@code Retry-After} instead of a verdict and costs
 * the server no Argon2 run. The first {@link #ACCOUNT_FREE} failures of an account (and {@link
 * #ADDRESS_FREE} of an address, which may be a shared office NAT) are free; each one after that
 * doubles the wait from 1 s up to 15 minutes. A success clears the account's count; counts are
 * forgotten an hour after the last failure. Kept in memory: a restart forgives, which is fine for
 * one instance.
 */
public final class LoginThrottle {
    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant lockedUntil) {}

    private final Clock clock;
    private final Cache<String, Failures> failures =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(FORGET_AFTER).build();

    public LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** Throws when the account or the address must wait before its next attempt. */
    public void check(String account, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil("a:" + account), lockedUntil("i:" + address));
        if (until != null && until.isAfter(now)) {
            Duration wait = Duration.between(now, until);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new TooManyRequestsException(
                    "Too many failed logins. Try again in "
                            + (seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " minutes")
                            + ".",
                    Duration.ofSeconds(seconds));
        }
    }

    public void failed(String account, String address) {
        bump("a:" + account, ACCOUNT_FREE);
        bump("i:" + address, ADDRESS_FREE);
    }

    public void succeeded(String account) {
        failures.invalidate("a:" + account);
    }

    private void bump(String key, int free) {
        Instant now = clock.instant();
        failures.asMap()
                .compute(
                        key,
                        (k, old) -> {
                            int count = (old == null ? 0 : old.count()) + 1;
                            Instant until = null;
                            if (count > free) {
                                int doublings = Math.min(20, count - free - 1);
                                Duration delay = Duration.ofSeconds(1L << doublings);
                                until =
                                        now.plus(
                                                delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
                            }
                            return new Failures(count, until);
                        });
    }

    private Instant lockedUntil(String key) {
        Failures found = failures.getIfPresent(key);
        return found == null ? null : found.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
