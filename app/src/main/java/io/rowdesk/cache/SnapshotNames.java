package io.rowdesk.cache;

import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The name index a snapshot carries, written by the writer next to the relation in the same file:
 * table {@value #TABLE} ({@code position, column_name, value, rows}) holds the most frequent
 * distinct values of the relation's name-like text columns (people, e-mail addresses, companies;
 * not prose, not short enumerations), at most {@link #MAX_VALUES} per column and {@link
 * #MAX_COLUMNS} columns, so that search can find "dovetail growth" or "priya" without scanning the
 * relation. Search builds its exact, prefix and close-spelling lookups from these rows in memory.
 */
public final class SnapshotNames {
    /**
     * The table in each snapshot file; the query instance shows it as {@code
     * rowdesk_names.<relation>}.
     */
    public static final String TABLE = "rowdesk_names";

    public static final int MAX_VALUES = 20_000;
    public static final int MAX_COLUMNS = 8;

    /** Text columns with fewer distinct values are enumerations (status, tier), not names... */
    static final int MIN_DISTINCT = 20;

    /** ...unless their values are e-mail addresses (who decided, who owns): people. */
    static final double EMAIL_SHARE = 0.5;

    static final int MAX_LENGTH = 200;

    private static final Pattern FREE_TEXT =
            Pattern.compile(
                    ".*(note|comment|description|message|reason|remark|body|text|summary|details).*"
                            // whole words only: "special_requests" is prose, "requested_at" not
                            + "|(?:.*_)?(?:instructions?|requests|feedback|memo|txt)(?:_.*)?");

    private SnapshotNames() {}

    /** Columns holding prose: never indexed as names, never listed as values. */
    public static boolean isFreeText(String column) {
        return FREE_TEXT.matcher(column).matches();
    }

    /**
     * (Re)writes the name index of {@code relation} in the writer's open snapshot: one pass to
     * measure the candidate columns, then one grouped pass per chosen column. An empty table means
     * "indexed, nothing worth it".
     */
    static void write(Connection connection, String relation) throws SQLException {
        if (relation.equalsIgnoreCase(TABLE)) {
            return; // a source table of that name keeps its rows; it goes without names
        }
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "SELECT column_name FROM duckdb_columns() WHERE database_name ="
                                + " current_database() AND schema_name = 'main' AND table_name = ?"
                                + " AND data_type = 'VARCHAR' ORDER BY column_index")) {
            statement.setString(1, relation);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!isFreeText(rs.getString(1))) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
        }
        String quotedRelation = SqlIdentifiers.quoteIdentifier(relation);
        List<String> chosen = new ArrayList<>();
        if (!candidates.isEmpty()) {
            StringBuilder measure = new StringBuilder("SELECT ");
            for (int i = 0; i < candidates.size(); i++) {
                String c = SqlIdentifiers.quoteIdentifier(candidates.get(i));
                measure.append(i == 0 ? "" : ", ")
                        .append("approx_count_distinct(")
                        .append(c)
                        .append("), count(")
                        .append(c)
                        .append("), count(*) FILTER (WHERE ")
                        .append(c)
                        .append(" LIKE '%_@_%')");
            }
            measure.append(" FROM ").append(quotedRelation);
            try (PreparedStatement statement = connection.prepareStatement(measure.toString());
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                for (int i = 0; i < candidates.size() && chosen.size() < MAX_COLUMNS; i++) {
                    long distinct = rs.getLong(3 * i + 1);
                    long present = rs.getLong(3 * i + 2);
                    long emails = rs.getLong(3 * i + 3);
                    boolean people = present > 0 && emails >= EMAIL_SHARE * present;
                    if (distinct >= MIN_DISTINCT || people && distinct >= 2) {
                        chosen.add(candidates.get(i));
                    }
                }
            }
        }
        StringBuilder create =
                new StringBuilder("CREATE OR REPLACE TABLE ")
                        .append(TABLE)
                        .append(
                                " (position INTEGER, column_name VARCHAR, value VARCHAR, rows"
                                        + " BIGINT)");
        DuckDb.execute(connection, create.toString());
        for (int i = 0; i < chosen.size(); i++) {
            String c = SqlIdentifiers.quoteIdentifier(chosen.get(i));
            DuckDb.execute(
                    connection,
                    "INSERT INTO "
                            + TABLE
                            + " SELECT "
                            + i
                            + ", "
                            + SqlIdentifiers.quoteLiteral(chosen.get(i))
                            + ", v, n FROM (SELECT "
                            + c
                            + " AS v, count(*) AS n FROM "
                            + quotedRelation
                            + " WHERE "
                            + c
                            + " IS NOT NULL AND length(trim("
                            + c
                            + ")) > 0 AND length("
                            + c
                            + ") <= "
                            + MAX_LENGTH
                            + " GROUP BY 1 ORDER BY n DESC, v LIMIT "
                            + MAX_VALUES
                            + ")");
        }
    }

    /** True when the open snapshot already carries its name index. */
    static boolean present(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(
                        "SELECT count(*) FROM duckdb_tables() WHERE database_name ="
                                + " current_database() AND schema_name = 'main' AND"
                                + " table_name = ?"); ) {
            statement.setString(1, TABLE);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
