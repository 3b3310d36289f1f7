package io.rowdesk.source.postgres;

import io.rowdesk.source.CsvParts;
import io.rowdesk.source.RowSelection;
import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceException;
import io.rowdesk.source.StreamedTable;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.Utils;

/**
 * One table (or query) of a Postgres source, read with {@code COPY (SELECT ...) TO STDOUT (FORMAT
 * csv)} through the driver's {@code CopyManager}: Postgres writes the rows as text in bulk and the
 * driver hands the bytes over as they arrive, never row by row through {@code getObject}.
 *
 * <p>A whole table is read in parts by ranges of its pages ({@code ctid}, a TID range scan since
 * Postgres 14, so it needs no key), all in one REPEATABLE READ transaction so that every part sees
 * the same snapshot: the cache loads one part while Postgres writes the next.
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
    private final long pagesPerPart;

    PostgresTable(
            PostgresSource source,
            String relation,
            String table,
            String select,
            List<SourceColumn> columns,
            long estimate,
            String key,
            String cursor) {
        this(source, relation, table, select, columns, estimate, key, cursor, PAGES_PER_PART);
    }

    /**
     * 8,192 pages (64 MB of table, about 500,000 rows of the bench table): large enough that
     * DuckDB's parallel reader and each COPY's start are cheap per row, small enough that the last
     * part, loaded after Postgres is done, is a small share of a large table.
     */
    static final long PAGES_PER_PART = 8_192;

    private PostgresTable(
            PostgresSource source,
            String relation,
            String table,
            String select,
            List<SourceColumn> columns,
            long estimate,
            String key,
            String cursor,
            long pagesPerPart) {
        this.source = source;
        this.relation = relation;
        this.table = table;
        this.select = select;
        this.columns = List.copyOf(columns);
        this.estimate = estimate;
        this.key = key;
        this.cursor = cursor;
        this.pagesPerPart = pagesPerPart;
    }

    /** The same table read in parts of {@code pages} pages (tests split small tables). */
    PostgresTable withPagesPerPart(long pages) {
        return new PostgresTable(
                source, relation, table, select, columns, estimate, key, cursor, pages);
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

    /**
     * U+0001, not {@code "}: JSON text (and any text with quotes) then travels without doubled
     * quotes, which DuckDB's reader loaded about 17% faster (docs/benchmarks.md). A value holding
     * U+0001 is quoted and the character doubled, like {@code "} in standard CSV.
     */
    @Override
    public char csvQuote() {
        return '\u0001';
    }

    /** The COPY statement for a selection of rows. */
    String copySql(RowSelection selection) {
        return copySql(selection, select);
    }

    private String copySql(RowSelection selection, String select) {
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
                + ") TO STDOUT (FORMAT csv, QUOTE e'\\x01')";
    }

    @Override
    public long copyCsv(RowSelection selection, OutputStream out) throws IOException {
        String sql = copySql(selection);
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException e) {
            throw cannotRead(e);
        }
    }

    /**
     * A whole table in parts by page ranges, in one REPEATABLE READ transaction; anything else (a
     * query, a view, an incremental or key selection) in one part. The last part is open-ended, so
     * that rows in pages added since the size was read are not missed.
     */
    @Override
    public long copyCsvParts(RowSelection selection, CsvParts parts) throws IOException {
        if (table == null || !(selection instanceof RowSelection.All)) {
            return StreamedTable.super.copyCsvParts(selection, parts);
        }
        try (Connection connection = source.connect()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            long pages = pages(connection);
            if (pages < 0) {
                connection.commit();
                return StreamedTable.super.copyCsvParts(selection, parts);
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            long start = 0;
            do {
                long end = start + pagesPerPart;
                String range =
                        select
                                + " WHERE ctid >= '("
                                + start
                                + ",0)'::tid"
                                + (end < pages ? " AND ctid < '(" + end + ",0)'::tid" : "");
                try (OutputStream out = parts.next()) {
                    rows += copy.copyOut(copySql(selection, range), out);
                }
                start = end;
            } while (start < pages);
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw cannotRead(e);
        }
    }

    private SourceException cannotRead(SQLException e) {
        return new SourceException(
                "source '"
                        + source.name()
                        + "': cannot read table '"
                        + relation
                        + "': "
                        + PostgresSource.firstLine(e.getMessage()),
                e);
    }

    /** The table's size in pages; -1 for a relation without pages of its own (a view). */
    private long pages(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "SELECT CASE WHEN c.relkind IN ('r', 'm') THEN pg_relation_size(c.oid)"
                                + " / current_setting('block_size')::bigint ELSE -1 END"
                                + " FROM pg_class c WHERE c.oid = ?::regclass")) {
            statement.setString(
                    1, PostgresSource.quote(source.schema()) + "." + PostgresSource.quote(table));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
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
