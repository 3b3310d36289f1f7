package io.rowdesk.query;

import java.util.List;
import java.util.Map;

/**
 * What the app knows about a relation: where it comes from, its columns and row count, and for a
 * view where each of its columns comes from ({@link ViewLineage}; empty for tables, and for view
 * columns that are computed rather than passed through).
 */
public record RelationInfo(
        String name,
        String source,
        List<Column> columns,
        long rowCount,
        boolean view,
        Map<String, ColumnSource> lineage) {
    public RelationInfo {
        columns = List.copyOf(columns);
        lineage = Map.copyOf(lineage);
    }

    public RelationInfo(
            String name, String source, List<Column> columns, long rowCount, boolean view) {
        this(name, source, columns, rowCount, view, Map.of());
    }

    /** A view column's origin: a column of a table (or of another view) it passes through. */
    public record ColumnSource(String relation, String column) {}
}
