package io.rowdesk.grid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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

    /**
     * From the URL's JSON: values and bounds may be numbers or text ({@code [599]} or {@code
     * ["599"]}); each is cast to the column's type when bound, so both read the same.
     */
    @JsonCreator
    static ColumnFilter fromJson(
            @JsonProperty("column") String column,
            @JsonProperty("op") String op,
            @JsonProperty("values") List<Object> values,
            @JsonProperty("min") Object min,
            @JsonProperty("max") Object max,
            @JsonProperty("value") Object value) {
        return new ColumnFilter(
                column,
                op,
                values == null ? null : values.stream().map(ColumnFilter::text).toList(),
                text(min),
                text(max),
                text(value));
    }

    private static String text(Object scalar) {
        return scalar == null ? null : scalar.toString();
    }
}
