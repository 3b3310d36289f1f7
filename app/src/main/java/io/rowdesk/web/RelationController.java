package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.store.SqlFiles;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The relation pages: the overview and a relation's first rows. */
public final class RelationController {
    public static final String HOME = "/";
    public static final String RELATION = "/relations/{relation}";
    static final int PAGE_ROWS = 100;

    private final RelationCatalog catalog;
    private final QueryEngine engine;
    private final Templates templates;

    public RelationController(RelationCatalog catalog, QueryEngine engine, Templates templates) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
    }

    public static String relationPath(String name) {
        return RELATION.replace("{relation}", URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    public void home(Context ctx) {
        User user = AccessControl.user(ctx);
        List<RelationInfo> relations = catalog.visibleTo(user.role());
        PageModel page = new PageModel("Relations", user, relations, null);
        ctx.html(templates.render("relation/home.jte", Map.of("page", page)));
    }

    public void relation(Context ctx) {
        User user = AccessControl.user(ctx);
        String name = ctx.pathParam("relation");
        RelationInfo relation = catalog.find(name, user.role())
                .orElseThrow(() -> UserFacingException.notFound("There is no relation called '" + name + "'."));
        String key = catalog.settings(relation.name()).keyColumn();
        boolean hasKey = key != null && relation.columns().stream().anyMatch(c -> c.name().equals(key));
        // Ordered by the key so that "the first rows" are the same on every visit.
        QueryResult rows = engine.query("SELECT * FROM " + SqlFiles.quoteIdentifier(relation.name())
                        + (hasKey ? " ORDER BY " + SqlFiles.quoteIdentifier(key) : "") + " LIMIT ?",
                List.of(PAGE_ROWS), PAGE_ROWS, Duration.ofSeconds(30));
        PageModel page = new PageModel(relation.name(), user, catalog.visibleTo(user.role()), relation.name());
        ctx.html(templates.render("relation/table.jte", Map.of("page", page, "relation", relation, "rows", rows)));
    }
}
