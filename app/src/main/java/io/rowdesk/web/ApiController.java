package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.User;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The JSON API's catalog and health endpoints. */
public final class ApiController {
    public static final String HEALTH = "/api/v1/health";
    public static final String RELATIONS = "/api/v1/relations";
    public static final String AUDIT = "/api/v1/audit";

    private final RelationCatalog catalog;
    private final AuditLog audit;
    private final String version;

    public ApiController(RelationCatalog catalog, AuditLog audit, String version) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.version = Objects.requireNonNull(version, "version is null");
    }

    public void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "version", version));
    }

    public void relations(Context ctx) {
        User user = AccessControl.user(ctx);
        List<Map<String, Object>> relations =
                catalog.visibleTo(user.role()).stream().map(ApiController::describe).toList();
        ctx.json(Map.of("relations", relations));
    }

    public void audit(Context ctx) {
        int limit = (int) QueryParams.wholeNumber(ctx, "limit", 100, 1, 1000);
        List<Map<String, Object>> entries =
                audit.recent(limit).stream()
                        .map(
                                entry -> {
                                    Map<String, Object> json = new LinkedHashMap<>();
                                    json.put("seq", entry.seq());
                                    json.put("at", entry.at().toString());
                                    json.put("actor", entry.actor());
                                    json.put("action", entry.action());
                                    json.put("target", entry.target());
                                    json.put("outcome", entry.outcome().name().toLowerCase());
                                    json.put("details", entry.details());
                                    json.put("hash", entry.hash());
                                    return json;
                                })
                        .toList();
        ctx.json(Map.of("entries", entries));
    }

    private static Map<String, Object> describe(RelationInfo relation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", relation.name());
        json.put("source", relation.source());
        json.put("row_count", relation.rowCount());
        json.put(
                "columns",
                relation.columns().stream()
                        .map(c -> Map.of("name", c.name(), "type", c.type()))
                        .toList());
        return json;
    }
}
