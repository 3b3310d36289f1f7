package io.rowdesk.grid;

import io.rowdesk.query.Column;
import java.util.List;

/**
 * Rows {@code offset} to {@code offset + rows.size() - 1} of a grid, and how many rows it has.
 * {@code fromSnapshot} is false when it was answered by a plain top-N while the ordering snapshot
 * was still being built (for the tests and the log; the rows are the same either way).
 */
public record Window(
        List<Column> columns,
        List<List<Object>> rows,
        long total,
        long offset,
        boolean fromSnapshot) {
    public Window {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
