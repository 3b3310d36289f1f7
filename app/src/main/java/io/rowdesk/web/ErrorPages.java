package io.rowdesk.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into answers: JSON {@code {"error", "kind"}} for the API, a page for people, a
 * login redirect for a page that needs one. Unexpected failures get a correlation id, never a
 * trace.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final Templates templates;

    public ErrorPages(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates is null");
    }

    public void userFacing(UserFacingException e, Context ctx) {
        if (e.kind() == UserFacingException.Kind.UNAUTHENTICATED && !isApi(ctx)) {
            String login =
                    AuthController.LOGIN
                            + "?next="
                            + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8);
            if (Htmx.isHtmx(ctx)) {
                ctx.header(Htmx.REDIRECT, login).status(204);
            } else {
                ctx.redirect(login);
            }
            return;
        }
        respond(ctx, e.kind().status, e.kind().label(), e.getMessage());
    }

    public void httpResponse(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            respond(ctx, 404, "not_found", "There is nothing at " + ctx.path() + ".");
        } else {
            respond(ctx, e.getStatus(), "bad_request", e.getMessage());
        }
    }

    public void unexpected(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected failure {} on {} {}", id, ctx.method(), ctx.path(), e);
        respond(
                ctx,
                500,
                "internal",
                "Something went wrong on our side (reference "
                        + id
                        + "). Try again, "
                        + "and tell your admin the reference if it keeps happening.");
    }

    private void respond(Context ctx, int status, String kind, String message) {
        ctx.status(status);
        if (isApi(ctx)) {
            ctx.json(Map.of("error", message, "kind", kind));
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("message", message);
        params.put("user", AccessControl.optionalUser(ctx).orElse(null));
        ctx.html(templates.render("error.jte", params));
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
