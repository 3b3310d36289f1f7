package io.rowdesk.cache;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The outcome of each table's syncs, kept across restarts (table {@code sync_state}). */
public final class SyncStateRepository {
    /** One table's record. Times in UTC; absent values are null. */
    public record SyncState(
            String relation,
            String source,
            Instant lastSuccessAt,
            Long durationMillis,
            Long rowsRead,
            String lastError,
            Instant lastErrorAt,
            String cursorValue,
            Instant lastFullAt) {}

    private final Jdbi jdbi;

    public SyncStateRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public Optional<SyncState> find(String relation) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT * FROM sync_state WHERE relation = ?")
                                .bind(0, relation)
                                .map(
                                        (rs, ctx) ->
                                                new SyncState(
                                                        rs.getString("relation"),
                                                        rs.getString("source"),
                                                        instant(
                                                                rs.getObject(
                                                                        "last_success_at",
                                                                        LocalDateTime.class)),
                                                        (Long) rs.getObject("duration_ms"),
                                                        (Long) rs.getObject("rows_read"),
                                                        rs.getString("last_error"),
                                                        instant(
                                                                rs.getObject(
                                                                        "last_error_at",
                                                                        LocalDateTime.class)),
                                                        rs.getString("cursor_value"),
                                                        instant(
                                                                rs.getObject(
                                                                        "last_full_at",
                                                                        LocalDateTime.class))))
                                .findOne());
    }

    public void succeeded(
            String relation,
            String source,
            Instant at,
            long durationMillis,
            long rows,
            String cursorValue,
            boolean full) {
        SyncState previous = find(relation).orElse(null);
        save(
                new SyncState(
                        relation,
                        source,
                        at,
                        durationMillis,
                        rows,
                        null,
                        null,
                        cursorValue,
                        full ? at : previous == null ? null : previous.lastFullAt()));
    }

    public void failed(String relation, String source, Instant at, String error) {
        SyncState previous = find(relation).orElse(null);
        save(
                previous == null
                        ? new SyncState(relation, source, null, null, null, error, at, null, null)
                        : new SyncState(
                                relation,
                                source,
                                previous.lastSuccessAt(),
                                previous.durationMillis(),
                                previous.rowsRead(),
                                error,
                                at,
                                previous.cursorValue(),
                                previous.lastFullAt()));
    }

    private void save(SyncState state) {
        jdbi.useTransaction(
                handle -> {
                    handle.execute("DELETE FROM sync_state WHERE relation = ?", state.relation());
                    handle.execute(
                            """
                            INSERT INTO sync_state (relation, source, last_success_at, duration_ms,
                                rows_read, last_error, last_error_at, cursor_value, last_full_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            state.relation(),
                            state.source(),
                            local(state.lastSuccessAt()),
                            state.durationMillis(),
                            state.rowsRead(),
                            state.lastError(),
                            local(state.lastErrorAt()),
                            state.cursorValue(),
                            local(state.lastFullAt()));
                });
    }

    private static Instant instant(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime local(Instant value) {
        return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    }
}
