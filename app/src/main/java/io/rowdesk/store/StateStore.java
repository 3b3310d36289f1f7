package io.rowdesk.store;

import org.jdbi.v3.core.Jdbi;

/**
 * The state database (users, sessions, tokens, audit, snapshots). Repositories use portable SQL
 * through {@link Jdbi}, so a Postgres-backed store for several instances only has to provide its
 * own connections and migrations.
 */
public interface StateStore extends AutoCloseable {
    Jdbi jdbi();

    /** The schema version after migrations ran. */
    int schemaVersion();

    @Override
    void close();
}
