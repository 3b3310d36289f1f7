package io.rowdesk.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jdbi.v3.core.Handle;

/**
 * Writes many rows at once. A JDBC batch runs one statement per row on DuckDB (about 5 ms each with
 * an index) and DuckDB prepares a statement with hundreds of parameters slowly, so on DuckDB rows
 * go through its Appender (about 10x faster than the best multi-row VALUES); on another database (a
 * Postgres state store later) through {@code INSERT ... VALUES (...), (...)} in small chunks. Both
 * join the handle's transaction.
 */
public final class MultiRowStatements {
    private static final int CHUNK = 25;

    private MultiRowStatements() {}

    /**
     * Appends {@code rows} to {@code table}; each row lists a value per column in the table's
     * column order.
     *
     * @param tuple one row's placeholders for the VALUES fallback, e.g. {@code "(?, ?, CAST(? AS
     *     TIMESTAMP))"}
     */
    public static void insert(Handle handle, String table, String tuple, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = handle.getConnection();
        try {
            if (connection.isWrapperFor(DuckDBConnection.class)) {
                DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
                if (!connection.getAutoCommit()) {
                    // The driver begins a transaction at the first statement; an Appender flush
                    // before any would commit on its own, outside the caller's transaction.
                    handle.execute("SELECT 1");
                }
                try (DuckDBAppender appender =
                        duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                    for (List<Object> row : rows) {
                        appender.beginRow();
                        for (Object value : row) {
                            append(appender, value);
                        }
                        appender.endRow();
                    }
                    // close() drops a failed flush (a duplicate key) without a word, and the
                    // transaction would commit without these rows: flush here, where it throws
                    appender.flush();
                }
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append to " + table + ": " + e.getMessage(), e);
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<List<Object>> part = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            var statement =
                    handle.createUpdate(
                            "INSERT INTO "
                                    + table
                                    + " VALUES "
                                    + String.join(", ", Collections.nCopies(part.size(), tuple)));
            int index = 0;
            for (List<Object> row : part) {
                for (Object value : row) {
                    statement.bind(index++, value);
                }
            }
            statement.execute();
        }
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (value instanceof LocalDateTime t) {
            appender.append(t);
        } else if (value instanceof BigDecimal d) {
            appender.append(d);
        } else {
            appender.append(String.valueOf(value));
        }
    }
}
