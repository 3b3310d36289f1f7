package io.rowdesk.action;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * {@code retry: {attempts, initial, max}}: {@code attempts} in all; the first delay is {@code
 * initial}, each later one doubled and capped at {@code max}, with jitter so that many requests
 * failing together do not come back together.
 */
public record RetryPolicy(int attempts, Duration initial, Duration max) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofHours(2));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 <= initial <= max");
        }
    }

    /**
     * The wait before attempt {@code failedAttempts + 1} of a cycle: "equal jitter", half the
     * capped exponential delay fixed and half random; a receiver's {@code Retry-After} is honoured
     * when longer.
     */
    public Duration delayAfter(
            int failedAttempts, Optional<Duration> retryAfter, RandomGenerator random) {
        long initialMillis = initial.toMillis();
        long capped = max.toMillis();
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 40);
        long exponential = initialMillis << shift;
        long base =
                exponential < 0 || (shift > 0 && exponential >> shift != initialMillis)
                        ? capped
                        : Math.min(capped, exponential);
        long half = base / 2;
        long jittered = half + (half > 0 ? random.nextLong(half + 1) : 0) + (base % 2);
        long wait = Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
        return Duration.ofMillis(wait);
    }
}
