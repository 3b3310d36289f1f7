package io.rowdesk.web;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;

import io.javalin.config.RoutesConfig;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.rowdesk.auth.Role;
import java.util.List;

/** Every route of the app in one place, each with the least role that may use it. */
public final class Routes {
    private Routes() {}

    public static List<Route> all(
            AuthController auth,
            RelationController relations,
            ApiController api,
            SqlController sql,
            SearchController search,
            GridController grid,
            SourcesController sources,
            JoinsController joins) {
        return List.of(
                new Route(GET, ApiController.HEALTH, Role.PUBLIC, api::health),
                new Route(GET, AuthController.LOGIN, Role.PUBLIC, auth::loginPage),
                new Route(POST, AuthController.LOGIN, Role.PUBLIC, auth::login),
                new Route(POST, AuthController.LOGOUT, Role.VIEWER, auth::logout),
                new Route(GET, RelationController.HOME, Role.VIEWER, relations::home),
                new Route(GET, RelationController.RELATION, Role.VIEWER, relations::relation),
                new Route(GET, ApiController.RELATIONS, Role.VIEWER, api::relations),
                new Route(POST, SearchController.SEARCH, Role.VIEWER, search::search),
                new Route(GET, SearchController.SUGGESTIONS, Role.VIEWER, search::suggestions),
                new Route(POST, SqlController.SQL, Role.BUILDER, sql::sql),
                new Route(GET, GridController.ROWS, Role.VIEWER, grid::rows),
                new Route(GET, GridController.EXPORT, Role.VIEWER, grid::export),
                new Route(GET, ApiController.AUDIT, Role.ADMIN, api::audit),
                new Route(GET, SourcesController.PAGE, Role.BUILDER, sources::page),
                new Route(POST, SourcesController.SYNC_FORM, Role.BUILDER, sources::syncForm),
                new Route(GET, SourcesController.API, Role.BUILDER, sources::list),
                new Route(POST, SourcesController.API_SYNC, Role.BUILDER, sources::syncApi),
                new Route(GET, JoinsController.SUGGESTIONS, Role.BUILDER, joins::suggestions),
                new Route(POST, JoinsController.SAVE, Role.BUILDER, joins::save));
    }

    public static void register(RoutesConfig config, List<Route> routes) {
        for (Route route : routes) {
            config.addEndpoint(
                    Endpoint.create(route.method(), route.path())
                            .addMetadata(new Roles(RouteRoles.of(route.role())))
                            .handler(route.handler()));
        }
    }
}
