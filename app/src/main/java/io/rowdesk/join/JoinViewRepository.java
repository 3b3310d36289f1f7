package io.rowdesk.join;

import io.rowdesk.config.ViewConfig;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** Views saved from join suggestions (table {@code join_views}). */
public final class JoinViewRepository {
    private final Jdbi jdbi;

    public JoinViewRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
    }

    public List<ViewConfig> all() {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery("SELECT name, sql FROM join_views ORDER BY created_at")
                                .map(
                                        (rs, ctx) ->
                                                new ViewConfig(
                                                        rs.getString(1), rs.getString(2), null))
                                .list());
    }

    public void save(String name, String sql, String createdBy, Instant at) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                "INSERT INTO join_views (name, sql, created_by, created_at) VALUES (?, ?, ?, ?)",
                                name,
                                sql,
                                createdBy,
                                LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
    }
}
