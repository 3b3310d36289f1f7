package io.rowdesk.query;

import java.util.List;

/** What the app knows about a relation: where it comes from, its columns and row count. */
public record RelationInfo(
        String name, String source, List<Column> columns, long rowCount, boolean view) {
    public RelationInfo {
        columns = List.copyOf(columns);
    }
}
