package io.rowdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code sources[i]:} one place tables come from: {@code files} (Parquet, CSV, JSON/NDJSON in a
 * folder, relative paths resolved against {@code server.data_dir}) or {@code postgres} (structured
 * connection settings, never a raw JDBC URL). {@code refresh} syncs the source periodically (null:
 * on demand only); tables with a cursor sync incrementally and fully every {@code full_refresh}.
 */
public record SourceConfig(
        String name,
        Kind kind,
        Path path,
        List<TableConfig> tableConfigs,
        PostgresSettings postgres,
        Duration refresh,
        Duration fullRefresh) {
    public enum Kind {
        FILES,
        POSTGRES
    }

    /** Full syncs of incremental tables, to catch deleted rows, when none is configured. */
    public static final Duration DEFAULT_FULL_REFRESH = Duration.ofHours(24);

    /**
     * An entry of {@code tables:}: a name, or a mapping {@code {name, key, cursor, query, path}}.
     * {@code query} is a SELECT of the source read as the table; {@code path} (files only) a file
     * or glob under the folder.
     */
    public record TableConfig(String name, String key, String cursor, String query, String path) {
        public static TableConfig named(String name) {
            return new TableConfig(name, null, null, null, null);
        }
    }

    /** Connection settings of a {@code postgres} source. */
    public record PostgresSettings(
            String host,
            int port,
            String database,
            String user,
            String password,
            String sslmode,
            String schema,
            Map<String, String> properties) {
        public PostgresSettings {
            properties = Map.copyOf(properties);
        }

        @Override
        public String toString() {
            // never the password, in logs or error messages
            return "PostgresSettings[" + user + "@" + host + ":" + port + "/" + database + "]";
        }
    }

    public SourceConfig {
        tableConfigs = List.copyOf(tableConfigs);
        fullRefresh = fullRefresh == null ? DEFAULT_FULL_REFRESH : fullRefresh;
    }

    /** A folder of files (the shape before other kinds existed). */
    public SourceConfig(String name, Kind kind, Path path, List<String> tables) {
        this(name, kind, path, tables.stream().map(TableConfig::named).toList(), null, null, null);
    }

    /** The names of the configured tables (empty: every table the source has). */
    public List<String> tables() {
        return tableConfigs.stream().map(TableConfig::name).toList();
    }

    public Path resolvedPath(Path dataDir) {
        return path.isAbsolute() ? path : dataDir.resolve(path);
    }
}
