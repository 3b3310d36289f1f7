package io.rowdesk.grid;

import java.util.List;
import java.util.Objects;

/**
 * What a grid shows: a relation in a total order. {@code sort} is the user's sort followed by the
 * tie-breaker (the key column, or else every other column), so that positions are well defined and
 * consecutive windows never overlap or skip a row.
 */
public record GridQuery(String relation, List<SortKey> sort, GridFilter filter) {
    public GridQuery {
        Objects.requireNonNull(relation, "relation is null");
        sort = List.copyOf(sort);
        filter = filter == null ? GridFilter.NONE : filter;
    }

    public GridQuery(String relation, List<SortKey> sort) {
        this(relation, sort, GridFilter.NONE);
    }
}
