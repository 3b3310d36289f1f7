package io.rowdesk.grid;

import java.util.List;

/**
 * One filter of the grid's filter panel, on one column: {@code in} a list of values, {@code
 * between} a minimum and/or a maximum (inclusive; a date-only maximum on a timestamp column keeps
 * that whole day), text that {@code contains} a value (case-insensitive), {@code empty} (NULL or
 * '') or {@code not_empty}. Values arrive as text and are cast to the column's type by DuckDB.
 */
public record ColumnFilter(
        String column, String op, List<String> values, String min, String max, String value) {
    public ColumnFilter {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
