package io.rowdesk.source.postgres;

import io.rowdesk.source.RowSelection;
import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceException;
import io.rowdesk.source.StreamedTable;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.core.Utils;

/**
 * One table (or query) of a Postgres source, read with {@code COPY (SELECT ...) TO STDOUT (FORMAT
 * csv)} through the driver's {@code CopyManager}: Postgres writes the rows as text in bulk and the
 * driver hands the bytes over as they arrive, never row by row through {@code getObject}.
 */
public final class PostgresTable implements StreamedTable {
    private final PostgresSource source;
    private final String relation;
    private final String table;
    private final String select;
    private final List<SourceColumn> columns;
    private final long estimate;
    private final String key;
    private final String cursor;

    PostgresTable(
            PostgresSource source,
            String relation,
            String table,
            String select,
            List<SourceColumn> columns,
            long estimate,
            String key,
            String cursor) {
        this.source = source;
        this.relation = relation;
        this.table = table;
        this.select = select;
        this.columns = List.copyOf(columns);
        this.estimate = estimate;
        this.key = key;
        this.cursor = cursor;
    }

    @Override
    public String relation() {
        return relation;
    }

    @Override
    public String source() {
        return source.name();
    }

    /** Postgres data has no cheap version mark: a table is synced on demand or on schedule. */
    @Override
    public String fingerprint() {
        return "postgres:" + source.name() + ":" + relation;
    }

    /** The Postgres table read, unqualified; empty for a table defined by a {@code query}. */
    @Override
    public Optional<String> sourceTableName() {
        return Optional.ofNullable(table);
    }

    @Override
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    @Override
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    @Override
    public List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public long estimatedRows() {
        return estimate;
    }

    /** The COPY statement for a selection of rows. */
    String copySql(RowSelection selection) {
        String expressions =
                columns.stream()
                        .map(PostgresTypes::selectExpression)
                        .collect(Collectors.joining(", "));
        String where = "";
        if (selection instanceof RowSelection.Since since) {
            where =
                    " WHERE "
                            + PostgresSource.quote(require(cursor, "cursor"))
                            + " >= "
                            + literal(since.value())
                            + "::"
                            + type(cursor);
        } else if (selection instanceof RowSelection.Keys keys) {
            where =
                    " WHERE "
                            + PostgresSource.quote(require(key, "key"))
                            + " = ANY("
                            + literal(arrayText(keys.keys()))
                            + "::"
                            + type(key)
                            + "[])";
        }
        return "COPY (SELECT "
                + expressions
                + " FROM ("
                + select
                + ") AS t"
                + where
                + ") TO STDOUT (FORMAT csv)";
    }

    @Override
    public long copyCsv(RowSelection selection, OutputStream out) throws IOException {
        String sql = copySql(selection);
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException e) {
            throw new SourceException(
                    "source '"
                            + source.name()
                            + "': cannot read table '"
                            + relation
                            + "': "
                            + PostgresSource.firstLine(e.getMessage()),
                    e);
        }
    }

    /**
     * The whole table in Postgres's own {@code format} ({@code binary}, {@code csv} or {@code
     * text}) with no conversion of columns: the benchmark's measure of what the driver can read.
     */
    public long copyRaw(String format, OutputStream out) throws IOException {
        if (!List.of("binary", "csv", "text").contains(format)) {
            throw new IllegalArgumentException("format must be binary, csv or text");
        }
        try (Connection connection = source.connect()) {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (" + select + ") TO STDOUT (FORMAT " + format + ")", out);
        } catch (SQLException e) {
            throw new SourceException(
                    "source '" + source.name() + "': " + PostgresSource.firstLine(e.getMessage()),
                    e);
        }
    }

    private String require(String column, String what) {
        if (column == null) {
            throw new IllegalStateException("table '" + relation + "' has no " + what + " column");
        }
        return column;
    }

    /** The Postgres type of a column, as {@code format_type} wrote it. */
    private String type(String column) {
        return columns.stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .orElseThrow()
                .sourceType();
    }

    /** A string literal, escaped by the driver (standard_conforming_strings is on). */
    private static String literal(String value) {
        try {
            return "'" + Utils.escapeLiteral(null, value, true) + "'";
        } catch (SQLException e) {
            throw new IllegalArgumentException("value cannot be written as a literal", e);
        }
    }

    /** An array literal's text: {"a","b"} with each element quoted. */
    static String arrayText(List<Object> values) {
        return values.stream()
                .map(
                        v ->
                                v == null
                                        ? "NULL"
                                        : "\""
                                                + String.valueOf(v)
                                                        .replace("\\", "\\\\")
                                                        .replace("\"", "\\\"")
                                                + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
