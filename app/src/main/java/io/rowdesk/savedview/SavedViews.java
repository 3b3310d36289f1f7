package io.rowdesk.savedview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.grid.ColumnFilter;
import io.rowdesk.grid.ColumnFilters;
import io.rowdesk.grid.SortKey;
import io.rowdesk.json.Json;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Saving, listing, changing and deleting saved views, with who may do what: anyone may keep private
 * views; sharing one with everyone needs the builder role; only the owner (or an admin) changes or
 * deletes a view. Every change is audited. A view of a relation the user may not see is neither
 * listed nor found.
 */
public final class SavedViews {
    public static final int MAX_NAME = 80;
    public static final int MAX_Q = 1000;
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Pattern CHIP_ID = Pattern.compile("c\\d{1,3}");

    private final SavedViewRepository repository;
    private final RelationCatalog catalog;
    private final AuditLog audit;

    public SavedViews(SavedViewRepository repository, RelationCatalog catalog, AuditLog audit) {
        this.repository = Objects.requireNonNull(repository, "repository is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
    }

    public List<SavedView> visibleTo(User user) {
        return repository.visibleTo(user.id()).stream()
                .filter(v -> catalog.find(v.relation(), user.role()).isPresent())
                .toList();
    }

    public SavedView get(User user, long id) {
        return repository
                .find(id)
                .filter(v -> v.ownerId() == user.id() || v.shared())
                .filter(v -> catalog.find(v.relation(), user.role()).isPresent())
                .orElseThrow(() -> notFound(id));
    }

    public SavedView create(User user, SavedViewDraft draft) {
        SavedViewDraft checked = check(user, draft);
        if (repository.nameTaken(user.id(), checked.name(), -1)) {
            throw new UserFacingException(
                    ErrorKind.CONFLICT,
                    "You already have a saved view called '" + checked.name() + "'.");
        }
        long id = repository.insert(user.id(), checked);
        record(user, "saved_view.create", id, checked);
        return repository.find(id).orElseThrow();
    }

    public SavedView update(User user, long id, SavedViewDraft draft) {
        SavedView existing = mayChange(user, id);
        SavedViewDraft checked = check(user, draft);
        if (repository.nameTaken(existing.ownerId(), checked.name(), id)) {
            throw new UserFacingException(
                    ErrorKind.CONFLICT,
                    "There is already a saved view called '" + checked.name() + "'.");
        }
        repository.update(id, checked);
        record(user, "saved_view.update", id, checked);
        return repository.find(id).orElseThrow();
    }

    public void delete(User user, long id) {
        SavedView existing = mayChange(user, id);
        repository.delete(id);
        audit.record(
                user.email(),
                "saved_view.delete",
                "saved_view:" + id,
                AuditEntry.Outcome.SUCCESS,
                Map.of("name", existing.name(), "relation", existing.relation()));
    }

    private SavedView mayChange(User user, long id) {
        SavedView existing = get(user, id);
        if (existing.ownerId() != user.id() && user.role() != Role.ADMIN) {
            audit.record(
                    user.email(),
                    "saved_view.change",
                    "saved_view:" + id,
                    AuditEntry.Outcome.DENIED,
                    Map.of("name", existing.name()));
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "Only its owner ("
                            + existing.ownerEmail()
                            + ") or an admin may change '"
                            + existing.name()
                            + "'.");
        }
        return existing;
    }

    private void record(User user, String action, long id, SavedViewDraft view) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", view.name());
        details.put("relation", view.relation());
        details.put("shared", Boolean.TRUE.equals(view.shared()));
        audit.record(user.email(), action, "saved_view:" + id, AuditEntry.Outcome.SUCCESS, details);
    }

    /** The draft made whole and checked against the relation; a problem names the field. */
    private SavedViewDraft check(User user, SavedViewDraft draft) {
        if (draft == null) {
            throw badRequest(
                    "send {\"name\", \"relation\", \"q\", \"removed\", \"filters\", \"sort\", \"columns\", \"shared\"}");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw badRequest("name: give a name of 1 to " + MAX_NAME + " characters");
        }
        if (draft.relation() == null || draft.relation().isBlank()) {
            throw badRequest("relation: required");
        }
        RelationInfo relation = catalog.require(draft.relation(), user.role());
        String q = draft.q() == null ? "" : draft.q().strip();
        if (q.length() > MAX_Q) {
            throw badRequest("q: at most " + MAX_Q + " characters");
        }
        List<String> removed = removed(draft.removed(), q);
        JsonNode filters =
                draft.filters() == null || draft.filters().isNull()
                        ? JsonNodeFactory.instance.arrayNode()
                        : draft.filters();
        if (!filters.isArray()) {
            throw badRequest("filters: must be a list of column filters");
        }
        try {
            List<ColumnFilter> list =
                    JSON.readerForListOf(ColumnFilter.class)
                            .with(
                                    com.fasterxml.jackson.databind.DeserializationFeature
                                            .FAIL_ON_UNKNOWN_PROPERTIES)
                            .readValue(filters);
            ColumnFilters.where(list, relation);
        } catch (java.io.IOException e) {
            throw badRequest(
                    "filters: each is {\"column\", \"op\", \"values\" | \"min\"/\"max\" | \"value\"}");
        }
        String sort = draft.sort() == null ? "" : draft.sort().strip();
        SortKey.parse(sort, relation.columns());
        JsonNode columns = columns(draft.columns(), relation);
        boolean shared = Boolean.TRUE.equals(draft.shared());
        if (shared && !user.role().includes(Role.BUILDER)) {
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "Sharing a view with everyone needs the builder role; save it as private.");
        }
        return new SavedViewDraft(
                name, relation.name(), q, removed, filters, sort, columns, shared);
    }

    /** Ids of chips removed from the search ({@code c0}, {@code c1} ...); none without a search. */
    private static List<String> removed(List<String> ids, String q) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (q.isEmpty()) {
            throw badRequest(
                    "removed: chips can only be removed from a search; send q or leave removed empty");
        }
        for (String id : ids) {
            if (id == null || !CHIP_ID.matcher(id).matches()) {
                throw badRequest("removed: chip ids look like \"c0\", \"c1\"; got " + id);
            }
        }
        return ids.stream().distinct().sorted().toList();
    }

    /**
     * {@code {"order": [names], "hidden": [names], "widths": {name: px}}}, names of the relation.
     */
    private static JsonNode columns(JsonNode node, RelationInfo relation) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw badRequest(
                    "columns: must be {\"order\": [...], \"hidden\": [...], \"widths\": {...}}");
        }
        Set<String> names =
                relation.columns().stream().map(Column::name).collect(Collectors.toSet());
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            JsonNode value = node.get(key);
            switch (key) {
                case "order", "hidden" -> {
                    if (!value.isArray()) {
                        throw badRequest("columns." + key + ": must be a list of column names");
                    }
                    value.forEach(
                            n -> {
                                if (!n.isTextual() || !names.contains(n.asText())) {
                                    throw badRequest("columns." + key + ": unknown column " + n);
                                }
                            });
                    out.set(key, value);
                }
                case "widths" -> {
                    if (!value.isObject()) {
                        throw badRequest("columns.widths: must map column names to pixels");
                    }
                    value.fields()
                            .forEachRemaining(
                                    e -> {
                                        if (!names.contains(e.getKey())
                                                || !e.getValue().isNumber()
                                                || e.getValue().asDouble() < 20
                                                || e.getValue().asDouble() > 2000) {
                                            throw badRequest(
                                                    "columns.widths."
                                                            + e.getKey()
                                                            + ": a known column and 20 to 2000 px");
                                        }
                                    });
                    out.set(key, value);
                }
                default ->
                        throw badRequest(
                                "columns." + key + ": unknown key; allowed: order, hidden, widths");
            }
        }
        return out;
    }

    private static UserFacingException badRequest(String message) {
        return new UserFacingException(ErrorKind.BAD_REQUEST, message);
    }

    private static UserFacingException notFound(long id) {
        return new UserFacingException(ErrorKind.NOT_FOUND, "There is no saved view " + id + ".");
    }
}
