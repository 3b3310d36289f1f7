package io.rowdesk.store;

import io.rowdesk.duck.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.jdbi.v3.core.Jdbi;

/**
 * The state store in an embedded DuckDB file. One database instance per process: every handle is a
 * duplicate of the root connection, because opening the file twice in one process fails.
 */
public final class DuckDbStateStore implements StateStore {
    private final DuckDBConnection root;
    private final Jdbi jdbi;
    private final int schemaVersion;

    private DuckDbStateStore(DuckDBConnection root, SqlFiles sqlFiles) {
        this.root = root;
        this.jdbi = Jdbi.create(root::duplicate);
        this.schemaVersion = new Migrations(sqlFiles).apply(jdbi);
    }

    /** Opens (creating if needed) {@code file} and applies pending migrations. */
    public static DuckDbStateStore open(Path file, SqlFiles sqlFiles) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new DuckDbStateStore(
                    (DuckDBConnection) DuckDb.open(file, DuckDb.Limits.STATE), sqlFiles);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot open the state database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the state database", e);
        }
    }
}
