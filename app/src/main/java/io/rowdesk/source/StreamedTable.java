package io.rowdesk.source;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A table whose rows the source streams (Postgres through {@code COPY ... TO STDOUT}): typed
 * columns, an estimate of the row count, and the rows as CSV (RFC 4180, no header, NULL as an empty
 * unquoted field, the empty string quoted) in the order of {@link #columns()}.
 */
public non-sealed interface StreamedTable extends SourceTable {
    List<SourceColumn> columns();

    /**
     * The name of the source's table these rows come from, when the relation reads one table (a
     * write-back to that table changes this relation); empty when unknown or read by a query.
     */
    default java.util.Optional<String> sourceTableName() {
        return java.util.Optional.empty();
    }

    /** The source's own estimate of the number of rows, or -1 when it has none. */
    long estimatedRows();

    /** Writes the selected rows to {@code out}; returns how many were written. */
    long copyCsv(RowSelection selection, OutputStream out) throws IOException;

    /** The CSV's quote character, which also escapes itself inside a quoted field. */
    default char csvQuote() {
        return '"';
    }

    /**
     * Writes the selected rows in one or more parts, all from one consistent read of the source;
     * returns how many were written. By default one part: a source that can split its reads cheaply
     * overrides this.
     */
    default long copyCsvParts(RowSelection selection, CsvParts parts) throws IOException {
        try (OutputStream out = parts.next()) {
            return copyCsv(selection, out);
        }
    }
}
