package io.rowdesk.config;

import java.time.Duration;

/**
 * {@code search:} limits of English search and builders' SQL: how long a query may run, how many
 * rows it may return, and up to how many distinct values a text column lists in its profile.
 */
public record SearchConfig(Duration queryTimeout, int maxRows, int profileValueLimit) {
    public static final SearchConfig DEFAULT =
            new SearchConfig(Duration.ofSeconds(10), 10_000, 200);
}
