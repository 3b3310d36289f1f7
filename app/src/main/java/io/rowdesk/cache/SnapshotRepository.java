package io.rowdesk.cache;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Which snapshot file each relation reads now. */
public final class SnapshotRepository {
    private final Jdbi jdbi;

    public SnapshotRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public Optional<Snapshot> current(String relation) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT * FROM snapshots WHERE relation = ?")
                                .bind(0, relation)
                                .map(
                                        (rs, ctx) ->
                                                new Snapshot(
                                                        rs.getString("relation"),
                                                        rs.getString("source"),
                                                        Path.of(rs.getString("file")),
                                                        rs.getLong("row_count"),
                                                        rs.getObject(
                                                                        "loaded_at",
                                                                        LocalDateTime.class)
                                                                .toInstant(ZoneOffset.UTC),
                                                        rs.getString("origin")))
                                .findOne());
    }

    public List<String> files() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT file FROM snapshots")
                                .mapTo(String.class)
                                .list());
    }

    public void save(Snapshot snapshot) {
        jdbi.useTransaction(
                handle -> {
                    handle.execute("DELETE FROM snapshots WHERE relation = ?", snapshot.relation());
                    handle.execute(
                            """
                            INSERT INTO snapshots (relation, source, file, row_count, loaded_at, origin)
                            VALUES (?, ?, ?, ?, ?, ?)""",
                            snapshot.relation(),
                            snapshot.source(),
                            snapshot.file().toString(),
                            snapshot.rowCount(),
                            LocalDateTime.ofInstant(snapshot.loadedAt(), ZoneOffset.UTC),
                            snapshot.fingerprint());
                });
    }

    /** Forgets a relation's snapshot (a damaged file was set aside). */
    public void forget(String relation) {
        jdbi.useHandle(
                handle -> handle.execute("DELETE FROM snapshots WHERE relation = ?", relation));
    }
}
