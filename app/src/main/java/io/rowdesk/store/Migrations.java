package io.rowdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies {@code sql/state/V<nnn>__<name>.sql} in order, each once, each in its own transaction. A
 * small runner of our own: Flyway does not know DuckDB.
 */
public final class Migrations {
    private static final Pattern FILE = Pattern.compile("V(\\d{3})__([a-z0-9_]+)\\.sql");

    record Migration(int version, String file) {}

    private final SqlFiles sqlFiles;

    public Migrations(SqlFiles sqlFiles) {
        this.sqlFiles = sqlFiles;
    }

    /** Brings the schema up to date and returns its version. */
    public int apply(Jdbi jdbi) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INTEGER PRIMARY KEY,
                    file       VARCHAR NOT NULL,
                    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"""));
        int current = currentVersion(jdbi);
        for (Migration migration : available()) {
            if (migration.version() <= current) {
                continue;
            }
            String sql = sqlFiles.get("state/" + migration.file());
            jdbi.useTransaction(
                    handle -> {
                        runScript(handle, sql);
                        handle.execute(
                                "INSERT INTO schema_version (version, file) VALUES (?, ?)",
                                migration.version(),
                                migration.file());
                    });
            current = migration.version();
        }
        return current;
    }

    static int currentVersion(Jdbi jdbi) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT coalesce(max(version), 0) FROM schema_version")
                                .mapTo(Integer.class)
                                .one());
    }

    private static void runScript(Handle handle, String sql) {
        // DuckDB runs a multi-statement string in one call; comments and blank lines are fine.
        try (var statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        }
    }

    /** Lists the migration files on the classpath, from a folder or from inside the jar. */
    static List<Migration> available() {
        URL url = Migrations.class.getClassLoader().getResource("sql/state");
        if (url == null) {
            throw new IllegalStateException("sql/state is missing from the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return list(fs.getPath("/sql/state"));
            }
            return list(Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The migrations of a folder in version order. Versions run 1, 2, 3... without a gap or a
     * duplicate: two files with one version, or a version skipped (a file lost in a merge), would
     * give databases different schemas under the same version number.
     */
    static List<Migration> list(Path dir) throws IOException {
        List<Migration> migrations;
        try (Stream<Path> files = Files.list(dir)) {
            migrations =
                    files.map(path -> FILE.matcher(path.getFileName().toString()))
                            .filter(Matcher::matches)
                            .map(m -> new Migration(Integer.parseInt(m.group(1)), m.group(0)))
                            .sorted(
                                    Comparator.comparingInt(Migration::version)
                                            .thenComparing(Migration::file))
                            .toList();
        }
        for (int i = 0; i < migrations.size(); i++) {
            Migration migration = migrations.get(i);
            int expected = i + 1;
            if (migration.version() < expected) {
                throw new IllegalStateException(
                        "two migrations have version "
                                + migration.version()
                                + ": "
                                + migrations.get(i - 1).file()
                                + " and "
                                + migration.file());
            }
            if (migration.version() > expected) {
                throw new IllegalStateException(
                        String.format(
                                "migration V%03d is missing: %s follows %s",
                                expected,
                                migration.file(),
                                i == 0 ? "nothing" : migrations.get(i - 1).file()));
            }
        }
        return migrations;
    }
}
