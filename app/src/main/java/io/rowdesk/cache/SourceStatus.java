package io.rowdesk.cache;

import java.util.List;

/** A source, its tables' states, and the error of listing its tables if that failed. */
public record SourceStatus(
        String name, String kind, String refresh, List<TableStatus> tables, String error) {
    public SourceStatus {
        tables = List.copyOf(tables);
    }
}
