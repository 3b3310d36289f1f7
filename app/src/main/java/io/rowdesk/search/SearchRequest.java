package io.rowdesk.search;

import java.time.LocalDate;
import java.util.Set;

/**
 * A search over one relation. {@code today} fixes the clock (null: today in server.timezone);
 * {@code removed} are chip ids the user took away.
 */
public record SearchRequest(String q, String relation, LocalDate today, int limit, Set<String> removed) {
    public SearchRequest {
        removed = removed == null ? Set.of() : Set.copyOf(removed);
    }
}
