package io.rowdesk.demo;

import io.rowdesk.config.DemoConfig;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * Loads the demo's {@code app} tables (partners, referrers, payouts) from its Parquet files into a
 * Postgres database, so the demo can run on a real Postgres source (and actions can write back to
 * it). Each table is re-created with a primary key and filled with {@code COPY ... FROM STDIN}.
 */
public final class DemoPostgres {
    /** The demo's app tables and their keys, in load order. */
    public static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("partners", "partner_id");
        TABLES.put("referrers", "referrer_id");
        TABLES.put("payouts", "payout_id");
    }

    /** Where to load: structured settings as in a {@code postgres} source. */
    public record Target(
            String host, int port, String database, String user, String password, String schema) {}

    private DemoPostgres() {}

    /** Loads every table; answers the row count of each. */
    public static Map<String, Long> load(Path demoDir, Target target)
            throws SQLException, IOException {
        Properties props = new Properties();
        props.setProperty("user", target.user());
        if (target.password() != null) {
            props.setProperty("password", target.password());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        String url =
                "jdbc:postgresql://"
                        + target.host()
                        + ":"
                        + target.port()
                        + "/"
                        + target.database();
        try (Connection pg = DriverManager.getConnection(url, props);
                Connection duck = DuckDb.open(null, DuckDb.Limits.WRITER)) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                Path parquet = demoDir.resolve("app").resolve(table.getKey() + ".parquet");
                if (!Files.isRegularFile(parquet)) {
                    throw new IllegalStateException("the demo has no " + parquet);
                }
                counts.put(
                        table.getKey(),
                        loadTable(
                                duck,
                                pg,
                                parquet,
                                table.getKey(),
                                table.getValue(),
                                target.schema()));
            }
        }
        return counts;
    }

    private static long loadTable(
            Connection duck, Connection pg, Path parquet, String table, String key, String schema)
            throws SQLException, IOException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement describe =
                duck.prepareStatement(
                        "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))"); ) {
            describe.setString(1, parquet.toString());
            try (ResultSet rs = describe.executeQuery()) {
                while (rs.next()) {
                    columns.add(pgQuote(rs.getString(1)) + " " + pgType(rs.getString(2)));
                }
            }
        }
        String qualified = pgQuote(schema) + "." + pgQuote(table);
        try (Statement statement = pg.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + qualified + " CASCADE");
            statement.execute(
                    "CREATE TABLE "
                            + qualified
                            + " ("
                            + String.join(", ", columns)
                            + ", PRIMARY KEY ("
                            + pgQuote(key)
                            + "))");
        }
        Path csv = Files.createTempFile("rowdesk-demo-" + table, ".csv");
        try {
            try (PreparedStatement copy =
                    duck.prepareStatement(
                            "COPY (SELECT * FROM read_parquet(?)) TO "
                                    + SqlIdentifiers.quoteLiteral(csv.toString())
                                    + " (FORMAT csv, HEADER false)")) {
                copy.setString(1, parquet.toString());
                copy.execute();
            }
            try (InputStream in = Files.newInputStream(csv)) {
                return pg.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + qualified + " FROM STDIN (FORMAT csv)", in);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    static String pgType(String duckType) {
        String upper = duckType.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DECIMAL")) {
            return upper.replace("DECIMAL", "numeric");
        }
        return switch (upper) {
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "integer";
            case "SMALLINT", "TINYINT" -> "smallint";
            case "DOUBLE" -> "double precision";
            case "FLOAT" -> "real";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "TIMESTAMP" -> "timestamp";
            case "TIMESTAMP WITH TIME ZONE" -> "timestamptz";
            case "UUID" -> "uuid";
            default -> "text";
        };
    }

    private static String pgQuote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * The configuration of the demo with its {@code app} source on Postgres: {@code demo:} (the
     * same seed, scale and as-of date, so the warehouse's files match the loaded tables) merged
     * with a same-named {@code app} source that reads the loaded tables, and the demo's {@code
     * approve_payout} and {@code reject_payout} as {@code postgres} write-backs to {@code payouts}
     * (the demo's {@code send_spiff} stays a webhook to the demo receiver).
     */
    public static String config(Target target, boolean passwordFromEnv, DemoConfig demo) {
        StringBuilder yaml = new StringBuilder();
        yaml.append(
                        "# The demo with its app tables on Postgres (written by `rowdesk demo postgres`).\n")
                .append("# The demo's sections apply; the entries below replace theirs by name.\n")
                .append("demo:\n")
                .append("  enabled: true\n")
                .append("  seed: ")
                .append(demo.seed())
                .append('\n')
                .append("  scale: ")
                .append(demo.scale())
                .append('\n');
        if (demo.asOf() != null) {
            yaml.append("  as_of: ").append(demo.asOf()).append('\n');
        }
        yaml.append(sources(target, passwordFromEnv));
        String payouts =
                "public".equals(target.schema())
                        ? "payouts"
                        : pgQuote(target.schema()) + ".payouts";
        yaml.append("actions:\n")
                .append(
                        writeBack(
                                "approve_payout",
                                "Approve payout",
                                List.of(),
                                "Approve the payout of {{row.amount}} to {{row.referrer_name}}?",
                                "UPDATE "
                                        + payouts
                                        + " SET status = 'approved', decided_at = now() AT TIME"
                                        + " ZONE 'UTC', decided_by = {{user.email}} WHERE payout_id ="
                                        + " {{row.payout_id}} AND status = 'pending'"))
                .append(
                        writeBack(
                                "reject_payout",
                                "Reject payout",
                                List.of("reason"),
                                null,
                                "UPDATE "
                                        + payouts
                                        + " SET status = 'rejected', decided_at = now() AT TIME"
                                        + " ZONE 'UTC', decided_by = {{user.email}}, note ="
                                        + " {{input.reason}} WHERE payout_id = {{row.payout_id}}"
                                        + " AND status = 'pending'"));
        return yaml.toString();
    }

    /** The {@code sources:} section: the {@code app} source on the loaded tables. */
    static String sources(Target target, boolean passwordFromEnv) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("sources:\n")
                .append("  - name: app\n")
                .append("    kind: postgres\n")
                .append("    host: ")
                .append(target.host())
                .append('\n')
                .append("    port: ")
                .append(target.port())
                .append('\n')
                .append("    database: ")
                .append(target.database())
                .append('\n')
                .append("    user: ")
                .append(target.user())
                .append('\n');
        if (passwordFromEnv) {
            yaml.append("    password: ${PGPASSWORD}\n");
        }
        if (!"public".equals(target.schema())) {
            yaml.append("    schema: ").append(target.schema()).append('\n');
        }
        yaml.append("    tables:\n");
        TABLES.forEach(
                (table, key) ->
                        yaml.append("      - {name: ")
                                .append(table)
                                .append(", key: ")
                                .append(key)
                                .append("}\n"));
        return yaml.toString();
    }

    /** One of the demo's decisions on a pending payout, written back to the {@code app} source. */
    private static String writeBack(
            String name, String label, List<String> inputs, String confirm, String statement) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("  - name: ")
                .append(name)
                .append('\n')
                .append("    label: ")
                .append(label)
                .append('\n')
                .append("    relation: payout_review\n")
                .append("    key: payout_id\n")
                .append("    when: ")
                .append(yamlQuote("status = 'pending'"))
                .append('\n')
                .append("    roles: [viewer]\n");
        if (!inputs.isEmpty()) {
            yaml.append("    inputs: [").append(String.join(", ", inputs)).append("]\n");
        }
        if (confirm != null) {
            yaml.append("    confirm: ").append(yamlQuote(confirm)).append('\n');
        }
        yaml.append("    destination:\n")
                .append("      kind: postgres\n")
                .append("      source: app\n")
                .append("      timeout: 5s\n")
                .append("      retry: {attempts: 5, initial: 1s, max: 30s}\n")
                .append("      statement: ")
                .append(yamlQuote(statement))
                .append('\n');
        return yaml.toString();
    }

    /** A single-quoted YAML scalar: no escapes but a doubled quote. */
    private static String yamlQuote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
