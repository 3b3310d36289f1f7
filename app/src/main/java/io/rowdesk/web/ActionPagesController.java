package io.rowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.rowdesk.action.ActionDefinition;
import io.rowdesk.action.ActionRequest;
import io.rowdesk.action.ActionService;
import io.rowdesk.action.DemoReceiver;
import io.rowdesk.action.Destination;
import io.rowdesk.action.RequestState;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The row actions' pages: requests (filters, attempts, resend), the approvals queue, the
 * definitions, the demo receiver; and the panel's per-row answer.
 */
public final class ActionPagesController {
    public static final String REQUESTS_PAGE = "/requests";
    public static final String APPROVALS_PAGE = "/approvals";
    public static final String ACTIONS_PAGE = "/actions";
    public static final String RECEIVER_PAGE = "/demo/receiver";
    public static final String ROW_ACTIONS = "/api/v1/row-actions";

    /** One request as a page shows it. */
    public record RequestView(
            ActionRequest request,
            String stateLabel,
            String payload,
            boolean mine,
            String attempts) {}

    /** One definition as the actions page lists it, in words a builder reads at a glance. */
    public record ActionCard(
            String name,
            String label,
            String relation,
            String kind,
            String target,
            String when,
            String roles,
            String approval,
            boolean fromConfig,
            String json) {}

    private final ActionService actions;
    private final RelationCatalog catalog;
    private final DemoReceiver receiver;
    private final Templates templates;
    private final List<String> postgresSources;

    /**
     * @param postgresSources the configured postgres sources, offered to postgres destinations
     */
    public ActionPagesController(
            ActionService actions,
            RelationCatalog catalog,
            DemoReceiver receiver,
            Templates templates,
            List<String> postgresSources) {
        this.actions = Objects.requireNonNull(actions, "actions is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.receiver = Objects.requireNonNull(receiver, "receiver is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
        this.postgresSources = List.copyOf(postgresSources);
    }

    public static String stateLabel(RequestState state) {
        return switch (state) {
            case QUEUED -> "Queued";
            case SENDING -> "Sending";
            case SUCCEEDED -> "Sent";
            case FAILED -> "Failed";
            case PENDING_APPROVAL -> "Waiting for approval";
            case REJECTED -> "Rejected";
            case CANCELLED -> "Cancelled";
        };
    }

    private PageModel page(Context ctx, String title, User user) {
        return PageModel.of(ctx, title, catalog.visibleTo(user.role()), null);
    }

    private List<RequestView> views(List<ActionRequest> requests, User user) {
        List<RequestView> views = new ArrayList<>();
        for (ActionRequest r : requests) {
            String attempts =
                    actions.attempts(r.id()).stream()
                            .map(
                                    a ->
                                            "#"
                                                    + a.attempt()
                                                    + " "
                                                    + a.outcome()
                                                    + (a.statusCode() == null
                                                            ? ""
                                                            : " " + a.statusCode())
                                                    + (a.errorClass() == null
                                                            ? ""
                                                            : " (" + a.errorClass() + ")")
                                                    + " "
                                                    + a.durationMillis()
                                                    + " ms"
                                                    + (a.manual() ? " manual" : ""))
                            .reduce((x, y) -> x + "; " + y)
                            .orElse("");
            views.add(
                    new RequestView(
                            r,
                            stateLabel(r.state()),
                            r.payload(),
                            r.requestedById() == user.id(),
                            attempts));
        }
        return views;
    }

    public void requests(Context ctx) {
        User user = AccessControl.user(ctx);
        String action = ctx.queryParam("action");
        String stateParam = ctx.queryParam("state");
        String batch = ctx.queryParam("batch");
        RequestState state =
                stateParam == null || stateParam.isBlank() ? null : RequestState.parse(stateParam);
        List<ActionRequest> list =
                actions.list(
                        action == null || action.isBlank() ? null : action,
                        state,
                        batch == null || batch.isBlank() ? null : batch,
                        null,
                        200);
        ctx.html(
                templates.render(
                        "action/requests.jte",
                        Map.of(
                                "page",
                                page(ctx, "Requests", user),
                                "requests",
                                views(list, user),
                                "action",
                                action == null ? "" : action,
                                "state",
                                stateParam == null ? "" : stateParam,
                                "batch",
                                batch == null ? "" : batch,
                                "canResend",
                                user.role().includes(io.rowdesk.auth.Role.BUILDER))));
    }

    public void approvals(Context ctx) {
        User user = AccessControl.user(ctx);
        List<ActionRequest> list =
                actions.list(null, RequestState.PENDING_APPROVAL, null, null, 500);
        ctx.html(
                templates.render(
                        "action/approvals.jte",
                        Map.of(
                                "page",
                                page(ctx, "Approvals", user),
                                "requests",
                                views(list, user))));
    }

    /**
     * The definitions; for builders also the editor, with what its selects offer (relations and
     * their columns, postgres sources) and each definition as given, secrets masked.
     */
    public void definitions(Context ctx) {
        User user = AccessControl.user(ctx);
        boolean canEdit = user.role().includes(Role.BUILDER);
        List<ActionDefinition> list = actions.definitions(null, user.role());
        Map<String, String> origins = actions.origins();
        List<ActionCard> cards = new ArrayList<>();
        Map<String, Object> definitions = new LinkedHashMap<>();
        for (ActionDefinition d : list) {
            Map<String, Object> masked = ActionService.masked(d.source());
            definitions.put(d.name(), masked);
            cards.add(
                    new ActionCard(
                            d.name(),
                            d.label(),
                            d.relation(),
                            d.destination().kind(),
                            target(d),
                            d.when() == null || d.when().isBlank() ? "every row" : d.when(),
                            whoMayRun(d),
                            approval(d),
                            "config".equals(origins.get(d.name())),
                            ActionController.prettyJson(masked)));
        }
        String editor = "";
        if (canEdit) {
            Map<String, Object> model = new LinkedHashMap<>();
            List<Map<String, Object>> relations = new ArrayList<>();
            for (RelationInfo relation : catalog.visibleTo(user.role())) {
                relations.add(
                        Map.of(
                                "name",
                                relation.name(),
                                "columns",
                                relation.columns().stream().map(c -> c.name()).toList()));
            }
            model.put("relations", relations);
            model.put("postgres_sources", postgresSources);
            model.put("definitions", definitions);
            model.put("mask", ActionService.maskText());
            editor = ActionController.compactJson(model);
        }
        ctx.html(
                templates.render(
                        "action/actions.jte",
                        Map.of(
                                "page",
                                page(ctx, "Actions", user),
                                "actions",
                                cards,
                                "canEdit",
                                canEdit,
                                "editor",
                                editor)));
    }

    private static String target(ActionDefinition d) {
        if (d.destination() instanceof Destination.Webhook webhook) {
            return webhook.url();
        }
        if (d.destination() instanceof Destination.Http http) {
            return http.method() + " " + http.url().source();
        }
        Destination.Postgres pg = (Destination.Postgres) d.destination();
        return "postgres source " + pg.source();
    }

    private static String whoMayRun(ActionDefinition d) {
        Role lowest = d.roles().stream().min(Role::compareTo).orElse(Role.ADMIN);
        return switch (lowest) {
            case PUBLIC, VIEWER -> "everyone signed in";
            case BUILDER -> "builders and admins";
            case ADMIN -> "admins only";
        };
    }

    private static String approval(ActionDefinition d) {
        if (d.approval() == null) {
            return "none: sent at once";
        }
        List<String> who = new ArrayList<>();
        for (Role role : List.of(Role.VIEWER, Role.BUILDER)) {
            if (d.approval().roles().contains(role)) {
                who.add(role.label() + "s");
            }
        }
        who.add("admins");
        return (d.approval().approvals() == 1 ? "1 approval" : "2 approvals by different people")
                + " (by "
                + String.join(" or ", who)
                + ")"
                + (d.approval().when() == null || d.approval().when().isBlank()
                        ? ""
                        : " when " + d.approval().when());
    }

    public void receiver(Context ctx) {
        User user = AccessControl.user(ctx);
        ctx.html(
                templates.render(
                        "action/receiver.jte",
                        Map.of(
                                "page", page(ctx, "Demo receiver", user),
                                "received", receiver.recent(),
                                "distinct", receiver.distinct())));
    }

    /** {@code ?relation=&key=}: the actions offered on one row, with their latest states. */
    public void rowActions(Context ctx) {
        User user = AccessControl.user(ctx);
        String name = ctx.queryParam("relation");
        RelationInfo relation = catalog.require(name == null ? "" : name, user.role());
        String keyText = ctx.queryParam("key");
        if (keyText == null) {
            throw UserFacingException.badRequest("Give the row's key as key=.");
        }
        JsonNode key = ActionService.json(keyText);
        Object value =
                key.isIntegralNumber()
                        ? (Object) key.asLong()
                        : key.isNumber() ? key.decimalValue() : key.asText();
        var byKey = actions.rowActions(relation, List.of(value), user.role());
        ctx.json(Map.of("actions", byKey.values().stream().findFirst().orElse(List.of())));
    }
}
