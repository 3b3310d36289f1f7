package io.rowdesk.web;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

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
            UsersController users,
            AccountController account,
            AuditController audit,
            MetricsController metrics,
            SavedViewController savedViews,
            JoinsController joins,
            ActionController actions,
            ActionPagesController actionPages) {
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
                // teammates (admins) and the invite an invitee opens
                new Route(GET, UsersController.USERS_API, Role.ADMIN, users::list),
                new Route(POST, UsersController.USERS_API, Role.ADMIN, users::create),
                new Route(PATCH, UsersController.USER_API, Role.ADMIN, users::update),
                new Route(POST, UsersController.INVITES_API, Role.ADMIN, users::invite),
                new Route(GET, UsersController.USERS, Role.ADMIN, users::page),
                new Route(POST, UsersController.USERS_INVITE, Role.ADMIN, users::invitePost),
                new Route(POST, UsersController.USER_UPDATE, Role.ADMIN, users::updatePost),
                new Route(GET, UsersController.INVITE, Role.PUBLIC, users::invitePage),
                new Route(POST, UsersController.INVITE, Role.PUBLIC, users::acceptInvite),
                // everyone's own account and API tokens
                new Route(GET, AccountController.ACCOUNT, Role.VIEWER, account::page),
                new Route(POST, AccountController.PASSWORD, Role.VIEWER, account::changePassword),
                new Route(
                        POST, AccountController.TOKENS_PAGE, Role.VIEWER, account::createTokenPage),
                new Route(
                        POST,
                        AccountController.TOKEN_REVOKE,
                        Role.VIEWER,
                        account::revokeTokenPage),
                new Route(POST, AccountController.TOTP, Role.VIEWER, account::beginTotp),
                new Route(POST, AccountController.TOTP_CONFIRM, Role.VIEWER, account::confirmTotp),
                new Route(GET, AccountController.TOKENS_API, Role.VIEWER, account::listTokens),
                new Route(POST, AccountController.TOKENS_API, Role.VIEWER, account::createToken),
                new Route(DELETE, AccountController.TOKEN_API, Role.VIEWER, account::revokeToken),
                // the audit log (admins)
                new Route(GET, AuditController.LOG, Role.ADMIN, audit::page),
                new Route(GET, AuditController.EXPORT_CSV, Role.ADMIN, audit::exportCsv),
                new Route(GET, AuditController.EXPORT_JSONL, Role.ADMIN, audit::exportJsonl),
                new Route(POST, AuditController.VERIFY, Role.ADMIN, audit::verify),
                new Route(POST, AuditController.RETENTION, Role.ADMIN, audit::retention),
                // admins, or a scraper with the metrics token (checked by the handler)
                new Route(GET, MetricsController.METRICS, Role.PUBLIC, metrics::scrape),
                new Route(GET, Assets.FAVICON_ICO, Role.PUBLIC, Assets::favicon),
                new Route(GET, SavedViewController.SAVED_VIEWS, Role.VIEWER, savedViews::list),
                new Route(POST, SavedViewController.SAVED_VIEWS, Role.VIEWER, savedViews::create),
                new Route(GET, SavedViewController.SAVED_VIEW, Role.VIEWER, savedViews::get),
                new Route(PUT, SavedViewController.SAVED_VIEW, Role.VIEWER, savedViews::update),
                new Route(DELETE, SavedViewController.SAVED_VIEW, Role.VIEWER, savedViews::delete),
                new Route(GET, JoinsController.SUGGESTIONS, Role.BUILDER, joins::suggestions),
                new Route(POST, JoinsController.SAVE, Role.BUILDER, joins::save),
                new Route(POST, JoinsController.PROPOSAL, Role.BUILDER, joins::proposal),
                // row actions: who may run, approve or cancel a request is decided per action
                new Route(GET, ActionController.ACTIONS, Role.VIEWER, actions::list),
                new Route(POST, ActionController.ACTIONS, Role.BUILDER, actions::create),
                new Route(PUT, ActionController.ACTION, Role.BUILDER, actions::update),
                new Route(DELETE, ActionController.ACTION, Role.BUILDER, actions::delete),
                new Route(POST, ActionController.RUN, Role.VIEWER, actions::run),
                new Route(GET, ActionController.REQUESTS, Role.VIEWER, actions::requests),
                new Route(GET, ActionController.REQUEST, Role.VIEWER, actions::request),
                new Route(POST, ActionController.APPROVE, Role.VIEWER, actions::approve),
                new Route(POST, ActionController.REJECT, Role.VIEWER, actions::reject),
                new Route(POST, ActionController.RESEND, Role.BUILDER, actions::resend),
                new Route(POST, ActionController.CANCEL, Role.VIEWER, actions::cancel),
                new Route(GET, ActionController.BATCH, Role.VIEWER, actions::batch),
                new Route(POST, ActionController.BATCH_CANCEL, Role.VIEWER, actions::cancelBatch),
                // the demo's stand-in for Zapier receives without a login, like a real receiver
                new Route(POST, ActionController.DEMO_RECEIVER, Role.PUBLIC, actions::demoReceive),
                new Route(GET, ActionController.DEMO_RECEIVED, Role.VIEWER, actions::demoReceived),
                new Route(
                        GET,
                        ActionPagesController.ROW_ACTIONS,
                        Role.VIEWER,
                        actionPages::rowActions),
                new Route(
                        GET,
                        ActionPagesController.REQUESTS_PAGE,
                        Role.VIEWER,
                        actionPages::requests),
                new Route(
                        GET,
                        ActionPagesController.APPROVALS_PAGE,
                        Role.VIEWER,
                        actionPages::approvals),
                new Route(
                        GET,
                        ActionPagesController.ACTIONS_PAGE,
                        Role.VIEWER,
                        actionPages::definitions),
                new Route(
                        GET,
                        ActionPagesController.RECEIVER_PAGE,
                        Role.VIEWER,
                        actionPages::receiver));
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
