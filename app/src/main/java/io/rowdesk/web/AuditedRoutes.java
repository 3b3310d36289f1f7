package io.rowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.rowdesk.audit.AuditEntry.Outcome;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.json.Json;
import io.rowdesk.search.GuardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Audits the routes that read data in bulk or run written queries: every SQL run (and every guard
 * refusal), every search and every export, with who, what and how it ended. Wraps the handlers so
 * the controllers stay about their own work.
 */
public final class AuditedRoutes {
    static final int MAX_TEXT = 2000;
    private static final ObjectMapper JSON = Json.MAPPER;

    private final AuditLog audit;

    public AuditedRoutes(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit is null");
    }

    public List<Route> apply(List<Route> routes) {
        return routes.stream()
                .map(
                        r ->
                                switch (r.path()) {
                                    case SqlController.SQL -> wrap(r, "sql.run");
                                    case SearchController.SEARCH -> wrap(r, "search");
                                    case GridController.EXPORT -> wrap(r, "export");
                                    default -> r;
                                })
                .toList();
    }

    private Route wrap(Route route, String action) {
        Handler handler = route.handler();
        return new Route(
                route.method(),
                route.path(),
                route.role(),
                ctx -> {
                    try {
                        handler.handle(ctx);
                    } catch (GuardException e) {
                        record(ctx, action + ".refused", Outcome.DENIED, e.getMessage());
                        throw e;
                    } catch (UserFacingException e) {
                        record(
                                ctx,
                                action,
                                Outcome.FAILURE,
                                e.kind().label() + ": " + e.getMessage());
                        throw e;
                    } catch (Exception e) {
                        record(ctx, action, Outcome.FAILURE, "internal");
                        throw e;
                    }
                    record(ctx, action, Outcome.SUCCESS, null);
                });
    }

    private void record(Context ctx, String action, Outcome outcome, String problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        String target;
        if (action.startsWith("export")) {
            target = ctx.pathParam("relation");
            ctx.queryParamMap().forEach((k, v) -> details.put(k, clip(String.join(",", v))));
        } else {
            JsonNode body = body(ctx);
            if (action.startsWith("sql")) {
                target = "sql";
                details.put("sql", clip(body.path("sql").asText("")));
            } else {
                target = body.path("relation").asText("");
                details.put("q", clip(body.path("q").asText("")));
            }
        }
        if (problem != null) {
            details.put("problem", clip(problem));
        }
        details.put("ip", ctx.ip());
        String actor = AccessControl.optionalUser(ctx).map(u -> u.email()).orElse("anonymous");
        audit.record(actor, action, target, outcome, details);
    }

    private static JsonNode body(Context ctx) {
        try {
            String body = ctx.body();
            JsonNode tree = body == null || body.isBlank() ? null : JSON.readTree(body);
            return tree == null ? JSON.createObjectNode() : tree;
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String clip(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
