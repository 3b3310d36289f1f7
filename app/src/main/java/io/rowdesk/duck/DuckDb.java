package io.rowdesk.duck;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Opens DuckDB instances with explicit resource caps: by default DuckDB takes 80% of RAM and all
 * cores, which on a shared 2-core machine starves the web server.
 */
public final class DuckDb {
    private DuckDb() {}

    /** Memory and threads for one instance. */
    public record Limits(String memoryLimit, int threads) {
        public static final Limits WRITER = new Limits("4GB", 2);
        public static final Limits STATE = new Limits("512MB", 1);
        public static final Limits QUERY = new Limits("4GB", 2);
    }

    /** A writer or state instance on a file (or in memory when {@code file} is null). */
    public static Connection open(Path file, Limits limits) throws SQLException {
        Properties props = new Properties();
        props.setProperty("memory_limit", limits.memoryLimit());
        props.setProperty("threads", Integer.toString(limits.threads()));
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        String url = file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file.toAbsolutePath();
        return DriverManager.getConnection(url, props);
    }

    /**
     * Removes a database file and what DuckDB keeps beside it: its write-ahead log ({@code
     * <file>.wal}) and its spill folder ({@code <file>.tmp}). Missing ones are fine.
     */
    public static void deleteFiles(Path file) throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(file);
        java.nio.file.Files.deleteIfExists(Path.of(file + ".wal"));
        Path spill = Path.of(file + ".tmp");
        if (java.nio.file.Files.isDirectory(spill)) {
            try (var files = java.nio.file.Files.list(spill)) {
                for (Path spilled : files.toList()) {
                    java.nio.file.Files.deleteIfExists(spilled);
                }
            }
            java.nio.file.Files.deleteIfExists(spill);
        }
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
