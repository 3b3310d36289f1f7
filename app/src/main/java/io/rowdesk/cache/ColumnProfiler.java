package io.rowdesk.cache;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryResult;
import io.rowdesk.store.SqlFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Computes column profiles through the query instance, one column at a time. */
public final class ColumnProfiler {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(ColumnProfiler.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final QueryEngine engine;
    private final SqlFiles sqlFiles;

    /** Text columns with at most this many distinct values get their values listed. */
    private final int valueLimit;

    public ColumnProfiler(QueryEngine engine, SqlFiles sqlFiles, int valueLimit) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
        this.valueLimit = valueLimit;
    }

    public List<ColumnProfile> profile(String relation, List<Column> columns) {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            try {
                profiles.add(profileColumn(relation, i, column));
            } catch (RuntimeException e) {
                // One column that DuckDB cannot measure must not cost the relation its profile.
                LOG.warn("Could not profile {}.{}: {}", relation, column.name(), e.getMessage());
                long rows = profiles.isEmpty() ? 0 : profiles.get(0).rowCount();
                profiles.add(
                        new ColumnProfile(
                                relation,
                                i,
                                column.name(),
                                column.type(),
                                rows,
                                0,
                                0,
                                null,
                                null,
                                null));
            }
        }
        return profiles;
    }

    private ColumnProfile profileColumn(String relation, int position, Column column) {
        String quotedColumn = SqlIdentifiers.quoteIdentifier(column.name());
        String quotedRelation = SqlIdentifiers.quoteIdentifier(relation);
        boolean orderable = isOrderable(column.type());
        String statsSql =
                sqlFiles.get("cache/column_stats.sql")
                        .replace("{column}", orderable ? quotedColumn : quotedColumn + "::VARCHAR")
                        .replace("{relation}", quotedRelation);
        List<Object> stats = engine.query(statsSql, List.of(), 1, TIMEOUT).rows().get(0);
        long rows = ((Number) stats.get(0)).longValue();
        long nulls = ((Number) stats.get(1)).longValue();
        long distinct = ((Number) stats.get(2)).longValue();
        List<ColumnProfile.ValueCount> values = null;
        if (isText(column.type()) && distinct <= valueLimit) {
            String topSql =
                    sqlFiles.get("cache/top_values.sql")
                            .replace("{column}", quotedColumn)
                            .replace("{relation}", quotedRelation);
            QueryResult top =
                    engine.query(topSql, List.of(valueLimit + 1), valueLimit + 1, TIMEOUT);
            values =
                    top.rows().stream()
                            .map(
                                    r ->
                                            new ColumnProfile.ValueCount(
                                                    String.valueOf(r.get(0)),
                                                    ((Number) r.get(1)).longValue()))
                            .toList();
        }
        return new ColumnProfile(
                relation,
                position,
                column.name(),
                column.type(),
                rows,
                rows == 0 ? 0 : (double) nulls / rows,
                distinct,
                orderable ? text(stats.get(3)) : null,
                orderable ? text(stats.get(4)) : null,
                values);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    static boolean isText(String type) {
        return type.toUpperCase(Locale.ROOT).startsWith("VARCHAR");
    }

    /** Nested values (lists, structs, maps, JSON) have no useful min or max. */
    static boolean isOrderable(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        return !(upper.endsWith("[]")
                || upper.startsWith("STRUCT")
                || upper.startsWith("MAP")
                || upper.startsWith("LIST")
                || upper.startsWith("UNION")
                || upper.startsWith("ARRAY")
                || upper.matches(".*\\[\\d*]$")
                || upper.equals("JSON"));
    }
}
