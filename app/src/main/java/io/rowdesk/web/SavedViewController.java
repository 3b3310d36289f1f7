package io.rowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.savedview.SavedView;
import io.rowdesk.savedview.SavedViewDraft;
import io.rowdesk.savedview.SavedViews;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /api/v1/saved-views}: list, save, change and delete saved views. Each view comes with the
 * link that opens it exactly as saved.
 */
public final class SavedViewController {
    public static final String SAVED_VIEWS = "/api/v1/saved-views";
    public static final String SAVED_VIEW = "/api/v1/saved-views/{id}";

    private final SavedViews views;

    public SavedViewController(SavedViews views) {
        this.views = Objects.requireNonNull(views, "views is null");
    }

    public void list(Context ctx) {
        User user = AccessControl.user(ctx);
        String relation = ctx.queryParam("relation");
        ctx.json(
                views.visibleTo(user).stream()
                        .filter(v -> relation == null || relation.equals(v.relation()))
                        .map(v -> json(v, user))
                        .toList());
    }

    public void get(Context ctx) {
        User user = AccessControl.user(ctx);
        ctx.json(json(views.get(user, id(ctx)), user));
    }

    public void create(Context ctx) {
        User user = AccessControl.user(ctx);
        ctx.status(201).json(json(views.create(user, draft(ctx)), user));
    }

    public void update(Context ctx) {
        User user = AccessControl.user(ctx);
        ctx.json(json(views.update(user, id(ctx), draft(ctx)), user));
    }

    public void delete(Context ctx) {
        User user = AccessControl.user(ctx);
        views.delete(user, id(ctx));
        ctx.status(204);
    }

    private static SavedViewDraft draft(Context ctx) {
        return RequestBodies.read(
                ctx,
                SavedViewDraft.class,
                "{\"name\": \"My pending queue\", \"relation\": \"payout_review\", \"q\":"
                        + " \"pending\", \"filters\": [], \"sort\": \"-requested_at\","
                        + " \"columns\": {}, \"shared\": false}");
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw UserFacingException.notFound(
                    "There is no saved view " + ctx.pathParam("id") + ".");
        }
    }

    static Map<String, Object> json(SavedView view, User user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", view.id());
        json.put("name", view.name());
        json.put("relation", view.relation());
        json.put("q", view.q());
        json.put("removed", view.removed());
        json.put("filters", view.filters());
        json.put("sort", view.sort());
        json.put("columns", view.columns());
        json.put("shared", view.shared());
        json.put("owner", view.ownerEmail());
        json.put("mine", view.ownerId() == user.id());
        json.put("link", link(view));
        json.put("updated_at", view.updatedAt().toString());
        return json;
    }

    /**
     * The page that opens the view exactly as saved: sort and hidden columns are always written, so
     * that the relation's own defaults do not apply over the saved state.
     */
    public static String link(SavedView view) {
        List<String> params = new ArrayList<>();
        if (!view.q().isEmpty()) {
            params.add(param("q", view.q()));
            if (!view.removed().isEmpty()) {
                params.add(param("removed", String.join(",", view.removed())));
            }
        }
        if (view.filters() != null && view.filters().isArray() && !view.filters().isEmpty()) {
            params.add(param("filters", view.filters().toString()));
        }
        params.add(param("sort", view.sort()));
        JsonNode columns = view.columns();
        params.add(param("hide", names(columns.get("hidden"))));
        if (columns.has("order")) {
            params.add(param("order", names(columns.get("order"))));
        }
        if (columns.has("widths")) {
            List<String> widths = new ArrayList<>();
            columns.get("widths")
                    .fields()
                    .forEachRemaining(
                            e ->
                                    widths.add(
                                            e.getKey()
                                                    + ":"
                                                    + Math.round(e.getValue().asDouble())));
            params.add(param("w", String.join(",", widths)));
        }
        params.add("view=" + view.id());
        return RelationController.relationPath(view.relation()) + "?" + String.join("&", params);
    }

    private static String names(JsonNode list) {
        List<String> names = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> names.add(n.asText()));
        }
        return String.join(",", names);
    }

    private static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
