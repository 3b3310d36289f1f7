package io.rowdesk.source.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import io.rowdesk.config.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The local Postgres (127.0.0.1:5432, user postgres, PGPASSWORD if set) with a fresh database per
 * test class. Unreachable: the test is skipped with a loud message, or fails under CI=true.
 */
public final class PostgresFixture {
    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String USER = "postgres";

    private PostgresFixture() {}

    public static String password() {
        return System.getenv().getOrDefault("PGPASSWORD", "");
    }

    public static Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password());
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(
                "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, props);
    }

    private static final List<String> TEST_PREFIXES =
            List.of("rowdesk_src", "rowdesk_writeback", "rowdesk_builder");

    /** Drops and creates {@code database}, whose name starts with one of the test prefixes. */
    public static void recreate(String database) {
        if (TEST_PREFIXES.stream().noneMatch(database::startsWith)) {
            throw new IllegalArgumentException("test databases start with one of " + TEST_PREFIXES);
        }
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            String message =
                    "\n*** Postgres at "
                            + HOST
                            + ":"
                            + PORT
                            + " is unreachable ("
                            + e.getMessage()
                            + "): Postgres tests SKIPPED ***\n";
            if ("true".equals(System.getenv("CI"))) {
                fail("Postgres is required under CI=true: " + e.getMessage());
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
    }

    public static void execute(String database, String... sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** A postgres source's YAML in the shape. */
    public static String sourceYaml(String name, String database, String tables) {
        return "  - name: "
                + name
                + "\n    kind: postgres\n    host: "
                + HOST
                + "\n    port: "
                + PORT
                + "\n    database: "
                + database
                + "\n    user: "
                + USER
                + (password().isEmpty() ? "" : "\n    password: '" + password() + "'")
                + "\n    tables: "
                + tables
                + "\n";
    }

    /** One table of {@code database} as a source named {@code pg} offers it, without a server. */
    static PostgresTable table(String database, String name) {
        SourceConfig config =
                new SourceConfig(
                        "pg",
                        SourceConfig.Kind.POSTGRES,
                        null,
                        List.of(new SourceConfig.TableConfig(name, null, null, null, null)),
                        new SourceConfig.PostgresSettings(
                                HOST,
                                PORT,
                                database,
                                USER,
                                password(),
                                "disable",
                                "public",
                                Map.of()),
                        null,
                        null,
                        null);
        return (PostgresTable) new PostgresSource(config).tables().get(0);
    }
}
