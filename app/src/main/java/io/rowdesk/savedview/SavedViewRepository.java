package io.rowdesk.savedview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Saved views in the state store. */
public final class SavedViewRepository {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String SELECT =
            """
            SELECT v.*, u.email AS owner_email FROM saved_views v
            LEFT JOIN users u ON u.id = v.owner_id
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    public SavedViewRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The views a user may open: their own and every shared one, by name. */
    public List<SavedView> visibleTo(long userId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        SELECT
                                                + " WHERE v.owner_id = ? OR v.shared"
                                                + " ORDER BY lower(v.name), v.id")
                                .bind(0, userId)
                                .map((rs, ctx) -> read(rs))
                                .list());
    }

    public Optional<SavedView> find(long id) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(SELECT + " WHERE v.id = ?")
                                .bind(0, id)
                                .map((rs, ctx) -> read(rs))
                                .findOne());
    }

    public boolean nameTaken(long ownerId, String name, long exceptId) {
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                                "SELECT count(*) FROM saved_views WHERE owner_id = ? AND name = ? AND id <> ?")
                                        .bind(0, ownerId)
                                        .bind(1, name)
                                        .bind(2, exceptId)
                                        .mapTo(Long.class)
                                        .one()
                                > 0);
    }

    public long insert(long ownerId, SavedViewDraft draft) {
        LocalDateTime now = now();
        return jdbi.withHandle(
                handle ->
                        handle.createQuery(
                                        """
                        INSERT INTO saved_views (owner_id, name, relation, q, filters, sort, columns, shared,
                            created_at, updated_at, removed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                                .bind(0, ownerId)
                                .bind(1, draft.name())
                                .bind(2, draft.relation())
                                .bind(3, draft.q())
                                .bind(4, write(draft.filters()))
                                .bind(5, draft.sort())
                                .bind(6, write(draft.columns()))
                                .bind(7, Boolean.TRUE.equals(draft.shared()))
                                .bind(8, now)
                                .bind(9, now)
                                .bind(10, write(JSON.valueToTree(draft.removed())))
                                .mapTo(Long.class)
                                .one());
    }

    public void update(long id, SavedViewDraft draft) {
        jdbi.useHandle(
                handle ->
                        handle.execute(
                                """
                        UPDATE saved_views SET name = ?, relation = ?, q = ?, filters = ?, sort = ?, columns = ?,
                            shared = ?, updated_at = ?, removed = ?
                        WHERE id = ?""",
                                draft.name(),
                                draft.relation(),
                                draft.q(),
                                write(draft.filters()),
                                draft.sort(),
                                write(draft.columns()),
                                Boolean.TRUE.equals(draft.shared()),
                                now(),
                                write(JSON.valueToTree(draft.removed())),
                                id));
    }

    public void delete(long id) {
        jdbi.useHandle(handle -> handle.execute("DELETE FROM saved_views WHERE id = ?", id));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static SavedView read(ResultSet rs) throws SQLException {
        return new SavedView(
                rs.getLong("id"),
                rs.getLong("owner_id"),
                rs.getString("owner_email"),
                rs.getString("name"),
                rs.getString("relation"),
                rs.getString("q"),
                JSON.convertValue(parse(rs.getString("removed")), STRINGS),
                parse(rs.getString("filters")),
                rs.getString("sort"),
                parse(rs.getString("columns")),
                rs.getBoolean("shared"),
                rs.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getTimestamp("updated_at").toLocalDateTime().toInstant(ZoneOffset.UTC));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved view holds invalid JSON", e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
