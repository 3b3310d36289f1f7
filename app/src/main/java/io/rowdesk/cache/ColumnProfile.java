package io.rowdesk.cache;

import java.util.List;

/**
 * What is known about one column: its type, how often it is NULL, how many distinct values it has,
 * its range, and for low-cardinality text columns every value with its count.
 */
public record ColumnProfile(
        String relation,
        int position,
        String column,
        String type,
        long rowCount,
        double nullFraction,
        long distinctCount,
        String min,
        String max,
        List<ValueCount> values) {

    /** One value of a low-cardinality column and how many rows have it. */
    public record ValueCount(String value, long count) {}

    public ColumnProfile {
        values = values == null ? null : List.copyOf(values);
    }

    /** True when every distinct value is listed in {@link #values()}. */
    public boolean lowCardinality() {
        return values != null;
    }
}
