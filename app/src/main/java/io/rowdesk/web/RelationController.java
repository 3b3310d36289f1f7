package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.cache.ProfileRepository;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The relation pages: the overview and a relation's first rows. */
public final class RelationController {
    public static final String HOME = "/";
    public static final String RELATION = "/relations/{relation}";

    private final RelationCatalog catalog;
    private final Templates templates;

    private final boolean llmEnabled;
    private final RowdeskConfig config;
    private final ProfileRepository profiles;

    /** {@code llmEnabled}: a language model is configured, so the search bar offers to ask it. */
    public RelationController(
            RelationCatalog catalog,
            Templates templates,
            boolean llmEnabled,
            RowdeskConfig config,
            ProfileRepository profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.llmEnabled = llmEnabled;
        this.templates = Objects.requireNonNull(templates, "templates is null");
        this.config = Objects.requireNonNull(config, "config is null");
    }

    public static String relationPath(String name) {
        return RELATION.replace("{relation}", URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    public void home(Context ctx) {
        User user = AccessControl.user(ctx);
        List<RelationInfo> relations = catalog.visibleTo(user.role());
        PageModel page = new PageModel("Relations", user, relations, null, AccessControl.csrf(ctx));
        ctx.html(templates.render("relation/home.jte", Map.of("page", page)));
    }

    public void relation(Context ctx) {
        User user = AccessControl.user(ctx);
        RelationInfo relation = catalog.require(ctx.pathParam("relation"), user.role());
        PageModel page =
                new PageModel(
                        relation.name(),
                        user,
                        catalog.visibleTo(user.role()),
                        relation.name(),
                        AccessControl.csrf(ctx));
        ctx.html(
                templates.render(
                        "relation/grid.jte",
                        Map.of(
                                "page",
                                page,
                                "grid",
                                GridPage.of(
                                        relation,
                                        user.role(),
                                        llmEnabled,
                                        config.relation(relation.name()),
                                        config.server().timezone(),
                                        profiles.forRelation(relation.name())))));
    }
}
