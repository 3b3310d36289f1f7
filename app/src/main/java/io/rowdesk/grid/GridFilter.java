package io.rowdesk.grid;

import java.util.List;

/**
 * The rows a grid shows: a {@code WHERE ...} clause rendered from an English search (identifiers
 * from the catalog, values bound) and its values, or {@link #NONE} for every row.
 */
public record GridFilter(String where, List<Object> params) {
    public static final GridFilter NONE = new GridFilter("", List.of());

    public GridFilter {
        where = where == null ? "" : where;
        params = List.copyOf(params);
    }

    public boolean isNone() {
        return where.isEmpty();
    }

    /** The rows both filters keep; parameters in the order of their placeholders. */
    public GridFilter and(GridFilter other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        List<Object> both = new java.util.ArrayList<>(params);
        both.addAll(other.params);
        return new GridFilter("WHERE (" + condition() + ") AND (" + other.condition() + ")", both);
    }

    private String condition() {
        return where.startsWith("WHERE ") ? where.substring("WHERE ".length()) : where;
    }
}
