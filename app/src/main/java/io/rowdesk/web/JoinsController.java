package io.rowdesk.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.User;
import io.rowdesk.cache.SyncService;
import io.rowdesk.config.ViewConfig;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.join.JoinSuggester;
import io.rowdesk.join.JoinViewRepository;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Join suggestions between two relations, and a suggestion saved as a view in one request. */
public final class JoinsController {
    public static final String SUGGESTIONS = "/api/v1/joins/suggestions";
    public static final String SAVE = "/api/v1/joins";

    private final RelationCatalog catalog;
    private final JoinSuggester suggester;
    private final JoinViewRepository saved;
    private final SyncService sync;
    private final AuditLog audit;
    private final Clock clock;

    public JoinsController(
            RelationCatalog catalog,
            JoinSuggester suggester,
            JoinViewRepository saved,
            SyncService sync,
            AuditLog audit,
            Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.suggester = Objects.requireNonNull(suggester, "suggester is null");
        this.saved = Objects.requireNonNull(saved, "saved is null");
        this.sync = Objects.requireNonNull(sync, "sync is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The body of {@code POST /api/v1/joins}. */
    public record SaveRequest(
            String name,
            String left,
            String right,
            @JsonProperty("left_column") String leftColumn,
            @JsonProperty("right_column") String rightColumn) {}

    private RelationInfo relation(String name, User user) {
        if (name == null || name.isBlank()) {
            throw UserFacingException.badRequest("give two relations: left and right");
        }
        return catalog.require(name, user.role());
    }

    public void suggestions(Context ctx) {
        User user = AccessControl.user(ctx);
        RelationInfo left = relation(ctx.queryParam("left"), user);
        RelationInfo right = relation(ctx.queryParam("right"), user);
        List<Map<String, Object>> json =
                suggester.suggest(left, right).stream().map(JoinsController::json).toList();
        ctx.json(Map.of("left", left.name(), "right", right.name(), "suggestions", json));
    }

    public void save(Context ctx) {
        User user = AccessControl.user(ctx);
        SaveRequest request;
        try {
            request = ctx.bodyAsClass(SaveRequest.class);
        } catch (RuntimeException e) {
            throw UserFacingException.badRequest(
                    "send JSON: {\"name\", \"left\", \"right\", \"left_column\", \"right_column\"}");
        }
        if (request.name() == null || !request.name().matches("[a-z_][a-z0-9_]*")) {
            throw UserFacingException.badRequest(
                    "name: use lower-case letters, digits and _ for the view's name");
        }
        RelationInfo left = relation(request.left(), user);
        RelationInfo right = relation(request.right(), user);
        for (var pair :
                List.of(
                        Map.entry(left, String.valueOf(request.leftColumn())),
                        Map.entry(right, String.valueOf(request.rightColumn())))) {
            if (pair.getKey().columns().stream().noneMatch(c -> c.name().equals(pair.getValue()))) {
                throw UserFacingException.badRequest(
                        pair.getKey().name() + " has no column '" + pair.getValue() + "'");
            }
        }
        String sql =
                JoinSuggester.viewSql(left, request.leftColumn(), right, request.rightColumn());
        sync.addView(new ViewConfig(request.name(), sql, null));
        saved.save(request.name(), sql, user.email(), clock.instant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("left", left.name() + "." + request.leftColumn());
        details.put("right", right.name() + "." + request.rightColumn());
        details.put("sql", sql);
        audit.record(
                user.email(), "view.create", request.name(), AuditEntry.Outcome.SUCCESS, details);
        RelationInfo view = catalog.find(request.name(), user.role()).orElseThrow();
        ctx.status(HttpStatus.CREATED)
                .json(Map.of("name", view.name(), "row_count", view.rowCount(), "sql", sql));
    }

    static Map<String, Object> json(JoinSuggester.Suggestion s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("left_column", s.leftColumn());
        json.put("right_column", s.rightColumn());
        json.put("score", Math.round(s.score() * 1000) / 1000.0);
        json.put("name_similarity", Math.round(s.nameScore() * 1000) / 1000.0);
        json.put("left_distinct", s.leftDistinct());
        json.put("right_distinct", s.rightDistinct());
        json.put("matched_values", s.matched());
        json.put("left_coverage", Math.round(s.leftCoverage() * 1000) / 1000.0);
        json.put("right_coverage", Math.round(s.rightCoverage() * 1000) / 1000.0);
        json.put("left_unique", s.leftUnique());
        json.put("right_unique", s.rightUnique());
        return json;
    }
}
