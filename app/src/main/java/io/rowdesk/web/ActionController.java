package io.rowdesk.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.rowdesk.action.ActionDefinition;
import io.rowdesk.action.ActionDrafts;
import io.rowdesk.action.ActionRequest;
import io.rowdesk.action.ActionService;
import io.rowdesk.action.ApprovalDecision;
import io.rowdesk.action.Attempt;
import io.rowdesk.action.DemoReceiver;
import io.rowdesk.action.RequestState;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The row actions API: definitions, runs, requests and their approvals; and the demo receiver. */
public final class ActionController {
    public static final String ACTIONS = "/api/v1/actions";
    public static final String ACTION = "/api/v1/actions/{name}";
    public static final String PREVIEW = "/api/v1/actions/preview";
    public static final String TEST = "/api/v1/actions/test";
    public static final String RUN = "/api/v1/actions/{name}/run";
    public static final String REQUESTS = "/api/v1/requests";
    public static final String REQUEST = "/api/v1/requests/{id}";
    public static final String APPROVE = "/api/v1/requests/{id}/approve";
    public static final String REJECT = "/api/v1/requests/{id}/reject";
    public static final String RESEND = "/api/v1/requests/{id}/resend";
    public static final String CANCEL = "/api/v1/requests/{id}/cancel";
    public static final String BATCH = "/api/v1/batches/{batch}";
    public static final String BATCH_CANCEL = "/api/v1/batches/{batch}/cancel";
    public static final String DEMO_RECEIVER = "/demo/receiver";
    public static final String DEMO_RECEIVED = "/api/v1/demo/receiver";

    private static final ObjectMapper JSON = Json.MAPPER;

    /**
     * A definition, in the shape of {@code actions:} in rowdesk.yaml; the parser checks each key.
     */
    static final String DEFINITION_EXAMPLE =
            "{\"name\": \"notify_finance\", \"relation\": \"payout_review\", \"key\":"
                    + " \"payout_id\", \"destination\": {\"kind\": \"webhook\", \"url\":"
                    + " \"https://hooks.example.com/payouts\"}, \"payload\": \"{\\\"id\\\":"
                    + " {{row.payout_id}}}\"}";

    /** {@code POST /api/v1/actions/{name}/run}: row keys, or a search with {@code all}. */
    public record RunBody(
            List<JsonNode> keys,
            String q,
            Boolean all,
            @JsonProperty("dry_run") Boolean dryRun,
            Boolean again,
            Map<String, String> inputs,
            JsonNode filters,
            JsonNode removed) {
        static final String EXAMPLE = "{\"keys\": [1042], \"inputs\": {\"reason\": \"duplicate\"}}";
    }

    /** An approver's (or rejecter's) comment. */
    public record CommentBody(String comment) {
        static final String EXAMPLE = "{\"comment\": \"checked with finance\"}";
    }

    /** A draft definition to preview or test, on the row with {@code key} (optional). */
    public record DraftBody(
            Map<String, Object> definition, JsonNode key, Map<String, String> inputs) {
        static final String EXAMPLE = "{\"definition\": " + DEFINITION_EXAMPLE + ", \"key\": 1042}";

        JsonNode rowKey() {
            if (key != null && key.isContainerNode()) {
                throw UserFacingException.badRequest("\"key\" must be a number or a string.");
            }
            return key == null || key.isNull() ? null : key;
        }
    }

    private final ActionService actions;
    private final ActionDrafts drafts;
    private final DemoReceiver receiver;

    public ActionController(ActionService actions, ActionDrafts drafts, DemoReceiver receiver) {
        this.actions = Objects.requireNonNull(actions, "actions is null");
        this.drafts = Objects.requireNonNull(drafts, "drafts is null");
        this.receiver = Objects.requireNonNull(receiver, "receiver is null");
    }

    public void list(Context ctx) {
        User user = AccessControl.user(ctx);
        List<Map<String, Object>> list =
                actions.definitions(ctx.queryParam("relation"), user.role()).stream()
                        .map(d -> describe(d, user))
                        .toList();
        ctx.json(Map.of("actions", list));
    }

    public void create(Context ctx) {
        User user = AccessControl.user(ctx);
        ActionDefinition saved = actions.save(null, definitionBody(ctx), true, user);
        ctx.status(201).json(describe(saved, user));
    }

    public void update(Context ctx) {
        User user = AccessControl.user(ctx);
        ActionDefinition saved =
                actions.save(ctx.pathParam("name"), definitionBody(ctx), false, user);
        ctx.json(describe(saved, user));
    }

    public void delete(Context ctx) {
        actions.delete(ctx.pathParam("name"), AccessControl.user(ctx));
        ctx.status(204);
    }

    public void run(Context ctx) {
        User user = AccessControl.user(ctx);
        RunBody body = RequestBodies.read(ctx, RunBody.class, RunBody.EXAMPLE);
        boolean dryRun = Boolean.TRUE.equals(body.dryRun());
        ActionService.RunResult result =
                actions.run(
                        ctx.pathParam("name"),
                        new ActionService.RunRequest(
                                body.keys() == null ? List.of() : body.keys(),
                                body.q(),
                                Boolean.TRUE.equals(body.all()),
                                dryRun,
                                Boolean.TRUE.equals(body.again()),
                                body.inputs() == null ? Map.of() : body.inputs(),
                                // "all" rows of the grid's view: its column filters and the
                                // search's removed chips too (the same shapes as the rows API's)
                                GridController.parseFilters(textOrJson(body.filters())),
                                removed(body.removed())),
                        user);
        Map<String, Object> json = new LinkedHashMap<>();
        if (dryRun) {
            json.put(
                    "dry_run",
                    result.previews().stream()
                            .map(
                                    p -> {
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("key", p.key());
                                        m.put("payload", ActionService.json(p.payload()));
                                        if (p.target() != null) {
                                            m.put("url", p.target());
                                        }
                                        m.put("needs_approval", p.needsApproval());
                                        if (p.existing() != null) {
                                            m.put("existing", p.existing().label());
                                        }
                                        return m;
                                    })
                            .toList());
        }
        json.put(
                "requests",
                result.requests().stream()
                        .map(
                                r -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("id", r.id());
                                    m.put("key", r.key());
                                    m.put("state", r.state());
                                    m.put("existing", r.existing());
                                    return m;
                                })
                        .toList());
        if (result.batch() != null) {
            json.put("batch", result.batch());
        }
        json.put(
                "skipped",
                result.skipped().stream()
                        .map(s -> Map.of("key", s.key(), "reason", s.reason()))
                        .toList());
        ctx.status(result.requests().stream().anyMatch(r -> !r.existing()) ? 201 : 200).json(json);
    }

    /** A draft rendered on a real row, secrets masked; problems listed, not thrown. */
    public void preview(Context ctx) {
        DraftBody body = RequestBodies.read(ctx, DraftBody.class, DraftBody.EXAMPLE);
        ActionDrafts.Preview p =
                drafts.preview(
                        body.definition(), body.rowKey(), body.inputs(), AccessControl.user(ctx));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("row_key", p.rowKey() == null ? null : ActionService.json(p.rowKey()));
        json.put("when_holds", p.whenHolds());
        json.put("payload", p.payload() == null ? null : ActionService.json(p.payload()));
        json.put("method", p.method());
        json.put("url", p.url());
        json.put("headers", p.headers());
        json.put("statement", p.statement());
        json.put("params", p.params());
        json.put("problems", p.problems());
        ctx.json(json);
    }

    /** Sends a draft's request for one row now, once, marked as a test; audited. */
    public void test(Context ctx) {
        DraftBody body = RequestBodies.read(ctx, DraftBody.class, DraftBody.EXAMPLE);
        ActionDrafts.TestSend t =
                drafts.test(
                        body.definition(), body.rowKey(), body.inputs(), AccessControl.user(ctx));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("row_key", t.rowKey() == null ? null : ActionService.json(t.rowKey()));
        json.put("when_holds", t.whenHolds());
        json.put("outcome", t.outcome());
        json.put("status_code", t.status());
        json.put("duration_ms", t.durationMillis());
        json.put("error", t.error());
        json.put("response", t.response());
        ctx.json(json);
    }

    public void requests(Context ctx) {
        RequestState state = null;
        String stateParam = ctx.queryParam("state");
        if (stateParam != null && !stateParam.isBlank()) {
            state = RequestState.parse(stateParam);
            if (state == null) {
                throw UserFacingException.badRequest(
                        "state must be one of queued, pending_approval, sending, succeeded, failed,"
                                + " rejected, cancelled");
            }
        }
        int limit = (int) QueryParams.wholeNumber(ctx, "limit", 100, 1, 1000);
        List<ActionRequest> page =
                actions.list(
                        blankToNull(ctx.queryParam("action")),
                        state,
                        blankToNull(ctx.queryParam("batch")),
                        blankToNull(ctx.queryParam("before")),
                        limit);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", page.stream().map(ActionController::summary).toList());
        if (page.size() == limit) {
            json.put("next_before", page.get(page.size() - 1).id());
        }
        ctx.json(json);
    }

    public void request(Context ctx) {
        ctx.json(detail(actions.request(ctx.pathParam("id"))));
    }

    public void approve(Context ctx) {
        ctx.json(
                detail(
                        actions.approve(
                                ctx.pathParam("id"), AccessControl.user(ctx), comment(ctx))));
    }

    public void reject(Context ctx) {
        String comment = comment(ctx);
        if (comment == null || comment.isBlank()) {
            throw UserFacingException.badRequest("Say why in \"comment\".");
        }
        ctx.json(detail(actions.reject(ctx.pathParam("id"), AccessControl.user(ctx), comment)));
    }

    public void resend(Context ctx) {
        ctx.json(detail(actions.resend(ctx.pathParam("id"), AccessControl.user(ctx))));
    }

    public void cancel(Context ctx) {
        ctx.json(detail(actions.cancel(ctx.pathParam("id"), AccessControl.user(ctx))));
    }

    public void batch(Context ctx) {
        Map<RequestState, Long> counts = actions.batchCounts(ctx.pathParam("batch"));
        if (counts.isEmpty()) {
            throw UserFacingException.notFound(
                    "There is no bulk run " + ctx.pathParam("batch") + ".");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        long total = 0;
        Map<String, Long> byState = new LinkedHashMap<>();
        for (RequestState s : RequestState.values()) {
            long n = counts.getOrDefault(s, 0L);
            byState.put(s.label(), n);
            total += n;
        }
        long done =
                byState.get("succeeded")
                        + byState.get("failed")
                        + byState.get("rejected")
                        + byState.get("cancelled");
        json.put("batch", ctx.pathParam("batch"));
        json.put("total", total);
        json.put("done", done);
        json.put("states", byState);
        ctx.json(json);
    }

    public void cancelBatch(Context ctx) {
        int n = actions.cancelBatch(ctx.pathParam("batch"), AccessControl.user(ctx));
        ctx.json(Map.of("cancelled", n));
    }

    /** The demo's stand-in for Zapier: accepts any webhook and remembers it. */
    public void demoReceive(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        ctx.headerMap()
                .forEach(
                        (k, v) -> {
                            String name = k.toLowerCase(java.util.Locale.ROOT);
                            if (name.startsWith("webhook-")
                                    || name.equals("idempotency-key")
                                    || name.equals("rowdesk-test")) {
                                headers.put(name, v);
                            }
                        });
        String id = headers.getOrDefault("webhook-id", headers.get("idempotency-key"));
        DemoReceiver.Received r = receiver.receive(id, ctx.body(), headers);
        ctx.json(Map.of("received", true, "duplicate", r.duplicate()));
    }

    public void demoReceived(Context ctx) {
        ctx.json(
                Map.of(
                        "distinct",
                        receiver.distinct(),
                        "received",
                        receiver.recent().stream()
                                .map(
                                        r -> {
                                            Map<String, Object> m = new LinkedHashMap<>();
                                            m.put("at", r.at().toString());
                                            m.put("id", r.id());
                                            m.put("body", r.body());
                                            m.put("signed", r.signed());
                                            m.put("duplicate", r.duplicate());
                                            return m;
                                        })
                                .toList()));
    }

    static Map<String, Object> describe(ActionDefinition d, User user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", d.name());
        json.put("label", d.label());
        json.put("relation", d.relation());
        json.put("key", d.key());
        json.put("when", d.when());
        json.put("roles", d.roles().stream().map(r -> r.label()).sorted().toList());
        json.put("confirm", d.confirm());
        json.put("inputs", d.inputs());
        json.put("kind", d.destination().kind());
        json.put(
                "approval",
                d.approval() == null
                        ? "none"
                        : Map.of(
                                "approvals", d.approval().approvals(),
                                "when", d.approval().when() == null ? "" : d.approval().when(),
                                "roles",
                                        d.approval().roles().stream()
                                                .map(r -> r.label())
                                                .sorted()
                                                .toList()));
        json.put("may_run", d.mayRun(user.role()));
        json.put("definition", ActionService.masked(d.source()));
        return json;
    }

    static Map<String, Object> summary(ActionRequest r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("action", r.action());
        json.put("relation", r.relation());
        json.put("key", ActionService.json(r.rowKey()));
        json.put("state", r.state().label());
        json.put("attempts", r.attempts());
        json.put("created_at", r.createdAt().toString());
        json.put("updated_at", r.updatedAt().toString());
        json.put("requested_by", r.requestedBy());
        json.put("approvals_needed", r.approvalsNeeded());
        json.put("resends", r.resends());
        json.put(
                "next_attempt_at", r.nextAttemptAt() == null ? null : r.nextAttemptAt().toString());
        json.put("last_status", r.lastStatus());
        json.put("last_error", r.lastError());
        json.put("completed_at", r.completedAt() == null ? null : r.completedAt().toString());
        json.put("batch", r.batchId());
        return json;
    }

    private Map<String, Object> detail(ActionRequest r) {
        Map<String, Object> json = summary(r);
        json.put("attempt_count", r.attempts());
        json.put("payload", r.payload() == null ? null : ActionService.json(r.payload()));
        json.put("url", r.target());
        List<Map<String, Object>> attempts = new ArrayList<>();
        for (Attempt a : actions.attempts(r.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attempt", a.attempt());
            m.put("at", a.startedAt().toString());
            m.put("duration_ms", a.durationMillis());
            m.put("status_code", a.statusCode());
            m.put("error", a.errorClass());
            m.put("response", a.response());
            m.put("outcome", a.outcome());
            m.put("manual", a.manual());
            attempts.add(m);
        }
        json.put("attempts", attempts);
        List<Map<String, Object>> approvals = new ArrayList<>();
        for (ApprovalDecision a : actions.approvals(r.id())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("by", a.approver());
            m.put("decision", a.decision());
            m.put("comment", a.comment());
            m.put("at", a.decidedAt().toString());
            approvals.add(m);
        }
        json.put("approvals", approvals);
        return json;
    }

    private static String comment(Context ctx) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            return ctx.formParam("comment");
        }
        if (ctx.contentType() != null
                && ctx.contentType().startsWith("application/x-www-form-urlencoded")) {
            return ctx.formParam("comment");
        }
        return RequestBodies.read(ctx, CommentBody.class, CommentBody.EXAMPLE).comment();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definitionBody(Context ctx) {
        return RequestBodies.read(ctx, Map.class, DEFINITION_EXAMPLE);
    }

    static String compactJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String prettyJson(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static String textOrJson(JsonNode node) {
        return node == null || node.isNull()
                ? null
                : node.isTextual() ? node.asText() : node.toString();
    }

    private static java.util.Set<String> removed(JsonNode node) {
        java.util.Set<String> removed = new java.util.HashSet<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> removed.add(n.asText()));
        } else if (node != null && node.isTextual() && !node.asText().isBlank()) {
            removed.addAll(List.of(node.asText().split(",")));
        }
        return removed;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
