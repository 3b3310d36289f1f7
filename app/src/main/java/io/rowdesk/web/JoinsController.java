package io.rowdesk.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.cache.SyncService;
import io.rowdesk.config.ViewConfig;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.join.JoinSuggester;
import io.rowdesk.join.JoinViewRepository;
import io.rowdesk.join.ViewProposal;
import io.rowdesk.join.ViewProposer;
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
    public static final String PROPOSAL = "/api/v1/joins/proposal";

    private final RelationCatalog catalog;
    private final JoinSuggester suggester;
    private final JoinViewRepository saved;
    private final ViewProposer proposer;
    private final SyncService sync;
    private final AuditLog audit;
    private final Clock clock;

    public JoinsController(
            RelationCatalog catalog,
            JoinSuggester suggester,
            JoinViewRepository saved,
            ViewProposer proposer,
            SyncService sync,
            AuditLog audit,
            Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.suggester = Objects.requireNonNull(suggester, "suggester is null");
        this.saved = Objects.requireNonNull(saved, "saved is null");
        this.proposer = Objects.requireNonNull(proposer, "proposer is null");
        this.sync = Objects.requireNonNull(sync, "sync is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /**
     * The body of {@code POST /api/v1/joins}; {@code columns} ({@code table.column}, in order) is
     * optional: all columns without it.
     */
    public record SaveRequest(
            String name,
            String left,
            String right,
            @JsonProperty("left_column") String leftColumn,
            @JsonProperty("right_column") String rightColumn,
            List<String> columns) {
        static final String EXAMPLE =
                "{\"name\": \"payouts_with_referrals\", \"left\": \"payouts\", \"right\":"
                        + " \"referrals\", \"left_column\": \"referral_id\", \"right_column\":"
                        + " \"referral_id\", \"columns\": [\"payouts.payout_id\"]}";
    }

    /** The body of {@code POST /api/v1/joins/proposal}: the suggestion to name. */
    public record ProposalRequest(
            String left,
            String right,
            @JsonProperty("left_column") String leftColumn,
            @JsonProperty("right_column") String rightColumn) {
        static final String EXAMPLE =
                "{\"left\": \"payouts\", \"right\": \"referrals\", \"left_column\":"
                        + " \"referral_id\", \"right_column\": \"referral_id\"}";
    }

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

    /**
     * A name and columns for the view of one suggestion: the language model's when one is
     * configured and its answer checks out, else {@code <left>_with_<right>} and every column.
     */
    public void proposal(Context ctx) {
        User user = AccessControl.user(ctx);
        ProposalRequest request =
                RequestBodies.read(ctx, ProposalRequest.class, ProposalRequest.EXAMPLE);
        RelationInfo left = relation(request.left(), user);
        RelationInfo right = relation(request.right(), user);
        requireColumn(left, request.leftColumn());
        requireColumn(right, request.rightColumn());
        ViewProposal proposal =
                proposer.propose(
                        left,
                        request.leftColumn(),
                        right,
                        request.rightColumn(),
                        name -> catalog.find(name, Role.ADMIN).isPresent());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", proposal.name());
        json.put("columns", proposal.columns());
        json.put("by", proposal.by());
        ctx.json(json);
    }

    public void save(Context ctx) {
        User user = AccessControl.user(ctx);
        SaveRequest request = RequestBodies.read(ctx, SaveRequest.class, SaveRequest.EXAMPLE);
        if (request.name() == null || !ViewProposer.NAME.matcher(request.name()).matches()) {
            throw UserFacingException.badRequest(
                    "name: start with a letter and use lower-case letters, digits and _ (at most"
                            + " 40) for the view's name");
        }
        RelationInfo left = relation(request.left(), user);
        RelationInfo right = relation(request.right(), user);
        requireColumn(left, request.leftColumn());
        requireColumn(right, request.rightColumn());
        List<String> columns = request.columns() == null ? List.of() : request.columns();
        for (String qualified : columns) {
            int dot = qualified == null ? -1 : qualified.indexOf('.');
            String table = dot < 0 ? "" : qualified.substring(0, dot);
            RelationInfo side =
                    table.equals(left.name()) ? left : table.equals(right.name()) ? right : null;
            if (side == null
                    || side.columns().stream()
                            .noneMatch(c -> c.name().equals(qualified.substring(dot + 1)))) {
                throw UserFacingException.badRequest(
                        "columns: '"
                                + qualified
                                + "' is not a column of "
                                + left.name()
                                + " or "
                                + right.name()
                                + "; write each as table.column");
            }
        }
        String sql =
                JoinSuggester.viewSql(
                        left, request.leftColumn(), right, request.rightColumn(), columns);
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
                .json(
                        Map.of(
                                "name",
                                view.name(),
                                "row_count",
                                view.rowCount(),
                                "sql",
                                sql,
                                "link",
                                RelationController.relationPath(view.name())));
    }

    private static void requireColumn(RelationInfo relation, String column) {
        if (column == null || relation.columns().stream().noneMatch(c -> c.name().equals(column))) {
            throw UserFacingException.badRequest(
                    relation.name() + " has no column '" + column + "'");
        }
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
