package io.rowdesk.web;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.rowdesk.auth.Role;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wires routes, access control, static files and error pages into one Javalin server. */
public final class WebServer {
    private final Javalin app;
    private final List<RegisteredEndpoint> registered = new CopyOnWriteArrayList<>();

    /** An HTTP endpoint as Javalin registered it, with the least role it requires (or null). */
    public record RegisteredEndpoint(HandlerType method, String path, Role role) {}

    public WebServer(List<Route> routes, AccessControl access, ErrorPages errors) {
        Objects.requireNonNull(routes, "routes is null");
        Objects.requireNonNull(access, "access is null");
        Objects.requireNonNull(errors, "errors is null");
        app =
                Javalin.create(
                        config -> {
                            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
                            config.startup.showJavalinBanner = false;
                            config.events.handlerAdded(
                                    info ->
                                            registered.add(
                                                    new RegisteredEndpoint(
                                                            info.getHttpMethod(),
                                                            info.getPath(),
                                                            RouteRoles.least(info.getRoles()))));
                            // Jetty answers some requests itself (a malformed URI, a bad header)
                            // before Javalin sees them: its error pages get our headers too.
                            config.jetty.modifyServer(
                                    server -> server.setErrorHandler(new HeaderedErrorHandler()));
                            config.staticFiles.add(
                                    files -> {
                                        files.hostedPath = "/static";
                                        files.directory = "/public";
                                        files.location = Location.CLASSPATH;
                                        files.roles = RouteRoles.of(Role.PUBLIC);
                                    });
                            config.staticFiles.add(
                                    files -> {
                                        files.hostedPath = "/webjars";
                                        files.directory = "/META-INF/resources/webjars";
                                        files.location = Location.CLASSPATH;
                                        files.roles = RouteRoles.of(Role.PUBLIC);
                                    });
                            config.routes.before(WebServer::securityHeaders);
                            config.routes.beforeMatched(access::check);
                            Routes.register(config.routes, routes);
                            config.routes.exception(UserFacingException.class, errors::userFacing);
                            config.routes.exception(
                                    HttpResponseException.class, errors::httpResponse);
                            config.routes.exception(ValidationException.class, errors::validation);
                            config.routes.exception(Exception.class, errors::unexpected);
                        });
    }

    /** Everything the pages load is ours: scripts, styles and requests only from this origin. */
    static final java.util.Map<String, String> SECURITY_HEADERS =
            java.util.Map.of(
                    "Content-Security-Policy",
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
                    "X-Content-Type-Options",
                    "nosniff",
                    "Referrer-Policy",
                    "same-origin",
                    "X-Frame-Options",
                    "DENY");

    private static void securityHeaders(io.javalin.http.Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    /** Jetty's own error pages, with the same headers as ours. */
    static final class HeaderedErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public boolean handle(
                org.eclipse.jetty.server.Request request,
                org.eclipse.jetty.server.Response response,
                org.eclipse.jetty.util.Callback callback)
                throws Exception {
            SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
            return super.handle(request, response, callback);
        }
    }

    public WebServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every endpoint Javalin registered (routes, static files' and filters' aside). */
    public List<RegisteredEndpoint> registeredEndpoints() {
        return List.copyOf(registered);
    }

    public Javalin javalin() {
        return app;
    }

    public void stop() {
        app.stop();
    }
}
