package io.rowdesk.source.postgres;

import io.rowdesk.config.SourceConfig;
import io.rowdesk.source.Source;
import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceException;
import io.rowdesk.source.SourceTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * A Postgres database read through the official driver. Connections are made from structured
 * settings only (the driver never sees a URL or a property naming a class), are read-only, and read
 * rows with {@code COPY ... TO STDOUT}.
 */
public final class PostgresSource implements Source {
    private final String name;
    private final SourceConfig.PostgresSettings settings;
    private final List<SourceConfig.TableConfig> configured;

    public PostgresSource(SourceConfig config) {
        Objects.requireNonNull(config, "config is null");
        this.name = config.name();
        this.settings = Objects.requireNonNull(config.postgres(), "postgres settings are null");
        this.configured = config.tableConfigs();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public List<String> configuredTables() {
        return configured.stream().map(SourceConfig.TableConfig::name).toList();
    }

    /**
     * A new read-only connection; the caller closes it. Errors name the source, not the password.
     */
    Connection connect() {
        String url =
                "jdbc:postgresql://"
                        + hostForUrl(settings.host())
                        + ":"
                        + settings.port()
                        + "/"
                        + java.net.URLEncoder.encode(
                                settings.database(), java.nio.charset.StandardCharsets.UTF_8);
        Properties props = new Properties();
        props.putAll(settings.properties());
        props.setProperty("user", settings.user());
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("sslmode", settings.sslmode());
        props.setProperty("readOnly", "true");
        props.setProperty("ApplicationName", "rowdesk");
        props.setProperty("connectTimeout", props.getProperty("connectTimeout", "10"));
        try {
            Connection connection = DriverManager.getConnection(url, props);
            try (Statement statement = connection.createStatement()) {
                // Timestamps with time zone travel in UTC; intervals in the style DuckDB parses.
                statement.execute("SET TimeZone = 'UTC'");
                statement.execute("SET IntervalStyle = 'postgres'");
                statement.execute("SET DateStyle = 'ISO, YMD'");
                statement.execute("SET extra_float_digits = 3");
            }
            return connection;
        } catch (SQLException e) {
            throw new SourceException(
                    "source '"
                            + name
                            + "': cannot connect to Postgres at "
                            + settings.host()
                            + ":"
                            + settings.port()
                            + "/"
                            + settings.database()
                            + " as "
                            + settings.user()
                            + ": "
                            + firstLine(e.getMessage()),
                    e);
        }
    }

    private static String hostForUrl(String host) {
        if (host.contains("/") || host.contains("?") || host.contains("#") || host.contains("@")) {
            throw new IllegalArgumentException("host must be a host name or address: " + host);
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public List<SourceTable> tables() {
        try (Connection connection = connect()) {
            List<SourceConfig.TableConfig> wanted = configured;
            if (wanted.isEmpty()) {
                wanted = new ArrayList<>();
                try (PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT table_name FROM information_schema.tables"
                                        + " WHERE table_schema = ? AND table_type IN ('BASE TABLE', 'VIEW')"
                                        + " ORDER BY table_name")) {
                    statement.setString(1, settings.schema());
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            String table = rs.getString(1);
                            String relation =
                                    table.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
                            wanted.add(
                                    new SourceConfig.TableConfig(
                                            relation, null, null, null, table));
                        }
                    }
                }
            }
            List<SourceTable> tables = new ArrayList<>();
            for (SourceConfig.TableConfig table : wanted) {
                tables.add(describe(connection, table));
            }
            return tables;
        } catch (SQLException e) {
            throw new SourceException(
                    "source '" + name + "': cannot list tables: " + firstLine(e.getMessage()), e);
        }
    }

    /** Typed columns and the row estimate of one table (or of a query read as a table). */
    private PostgresTable describe(Connection connection, SourceConfig.TableConfig table)
            throws SQLException {
        // a table listed from the catalog carries its real name in path
        String sourceName = table.path() != null ? table.path() : table.name();
        String select;
        long estimate = -1;
        if (table.query() != null) {
            select = "SELECT * FROM (" + table.query() + ") AS q";
        } else {
            String qualified = quote(settings.schema()) + "." + quote(sourceName);
            try (PreparedStatement exists =
                    connection.prepareStatement(
                            "SELECT c.reltuples::bigint FROM pg_class c JOIN pg_namespace n"
                                    + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
                exists.setString(1, settings.schema());
                exists.setString(2, sourceName);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw new SourceException(
                                "source '"
                                        + name
                                        + "': there is no table '"
                                        + sourceName
                                        + "' in schema '"
                                        + settings.schema()
                                        + "' of database '"
                                        + settings.database()
                                        + "'");
                    }
                    estimate = rs.getLong(1);
                }
            }
            select = "SELECT * FROM " + qualified;
        }
        List<SourceColumn> columns = new ArrayList<>();
        // The types of the SELECT's columns, as Postgres names them, without reading a row.
        try (PreparedStatement statement =
                        connection.prepareStatement(
                                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typtype,"
                                        + " t.typcategory, et.typname, et.typtype"
                                        + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                                        + " LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'"
                                        + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                                        + " ORDER BY a.attnum");
                Statement temp = connection.createStatement()) {
            if (table.query() != null) {
                // a query's columns: describe a temporary view of it
                temp.execute("CREATE OR REPLACE TEMPORARY VIEW rowdesk_describe AS " + select);
                statement.setString(1, "pg_temp.rowdesk_describe");
            } else {
                statement.setString(1, quote(settings.schema()) + "." + quote(sourceName));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(
                            PostgresTypes.column(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6)));
                }
            }
            if (table.query() != null) {
                temp.execute("DROP VIEW IF EXISTS rowdesk_describe");
            }
        } catch (SQLException e) {
            throw new SourceException(
                    "source '"
                            + name
                            + "': cannot read the columns of '"
                            + table.name()
                            + "': "
                            + firstLine(e.getMessage()),
                    e);
        }
        for (String column : new String[] {table.key(), table.cursor()}) {
            if (column != null && columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw new SourceException(
                        "source '"
                                + name
                                + "': table '"
                                + table.name()
                                + "' has no column '"
                                + column
                                + "'");
            }
        }
        return new PostgresTable(
                this,
                table.name(),
                table.query() != null ? null : sourceName,
                select,
                columns,
                estimate,
                table.key(),
                table.cursor());
    }

    /** A Postgres identifier in double quotes. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }

    String database() {
        return settings.database();
    }

    String schema() {
        return settings.schema();
    }
}
