package io.rowdesk.search;

import java.util.Set;

/** SQL that passed {@link SqlGuard}, and the relations it reads (lower case). */
public record CheckedQuery(String sql, Set<String> relations) {
    public CheckedQuery {
        relations = Set.copyOf(relations);
    }
}
