package io.rowdesk.audit;

import io.rowdesk.store.SqlFiles;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Finds audit entries for the admins' log page and its exports. */
public final class AuditSearch {
    /**
     * Every field optional (null); {@code text} is searched in actor, action, target and details.
     */
    public record Filter(
            String actor,
            String action,
            String target,
            AuditEntry.Outcome outcome,
            Instant from,
            Instant to,
            String text,
            Long beforeSeq) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null);
    }

    private final Jdbi jdbi;
    private final String sql;

    public AuditSearch(Jdbi jdbi, SqlFiles sqlFiles) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.sql = sqlFiles.get("audit/search.sql");
    }

    public List<AuditEntry> find(Filter filter, int limit) {
        return jdbi.withHandle(
                handle ->
                        bind(handle.createQuery(sql), filter, limit).map(AuditRows.MAPPER).list());
    }

    /** Streams every match (newest first) without holding them: for the exports. */
    public void stream(Filter filter, Consumer<AuditEntry> sink) {
        jdbi.useHandle(
                handle -> {
                    try (var rows =
                            bind(handle.createQuery(sql), filter, Integer.MAX_VALUE)
                                    .setFetchSize(500)
                                    .map(AuditRows.MAPPER)
                                    .stream()) {
                        rows.forEach(sink);
                    }
                });
    }

    private static Query bind(Query query, Filter f, int limit) {
        return query.bind("actor", blank(f.actor()))
                .bind("action", blank(f.action()))
                .bind("target", blank(f.target()))
                .bind("outcome", f.outcome() == null ? null : f.outcome().name().toLowerCase())
                .bind("from_time", time(f.from()))
                .bind("to_time", time(f.to()))
                .bind("text", blank(f.text()))
                .bind("before_seq", f.beforeSeq())
                .bind("row_limit", limit);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static LocalDateTime time(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
