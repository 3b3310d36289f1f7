package io.rowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.rowdesk.action.ActionDefinition;
import io.rowdesk.action.ActionRequest;
import io.rowdesk.action.ActionService;
import io.rowdesk.action.DemoReceiver;
import io.rowdesk.action.RequestState;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
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

    private final ActionService actions;
    private final RelationCatalog catalog;
    private final DemoReceiver receiver;
    private final Templates templates;

    public ActionPagesController(
            ActionService actions,
            RelationCatalog catalog,
            DemoReceiver receiver,
            Templates templates) {
        this.actions = Objects.requireNonNull(actions, "actions is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.receiver = Objects.requireNonNull(receiver, "receiver is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
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

    public void definitions(Context ctx) {
        User user = AccessControl.user(ctx);
        List<ActionDefinition> list = actions.definitions(null, user.role());
        List<String> json = new ArrayList<>();
        for (ActionDefinition d : list) {
            json.add(ActionController.prettyJson(ActionService.masked(d.source())));
        }
        ctx.html(
                templates.render(
                        "action/actions.jte",
                        Map.of(
                                "page",
                                page(ctx, "Actions", user),
                                "actions",
                                list,
                                "sources",
                                json)));
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
