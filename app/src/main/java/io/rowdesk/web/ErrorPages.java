package io.rowdesk.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into answers: JSON {@code {"error", "kind"}} for the API, a page for people, a
 * login redirect for a page that needs one. Unexpected failures get a correlation id, never a
 * trace.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    /**
     * A request header by which a page asks for 422 answers as 200 with {@code "problem": true}.
     */
    public static final String INLINE_PROBLEMS = "Rowdesk-Inline-Problems";

    private final Templates templates;
    private final AccessControl access;

    public ErrorPages(Templates templates) {
        this(templates, null);
    }

    /** {@code access}: to recognise the logged-in reader of a page no route matched. */
    public ErrorPages(Templates templates, AccessControl access) {
        this.templates = Objects.requireNonNull(templates, "templates is null");
        this.access = access;
    }

    public void userFacing(UserFacingException e, Context ctx) {
        if (e.kind() == ErrorKind.UNAUTHENTICATED && !isApi(ctx)) {
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
        e.retryAfter()
                .ifPresent(
                        after ->
                                ctx.header(
                                        "Retry-After",
                                        Long.toString(Math.max(1, after.toSeconds()))));
        respond(ctx, e.kind(), e.getMessage(), e.details());
    }

    public void httpResponse(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 404) {
            respond(ctx, ErrorKind.NOT_FOUND, "There is nothing at " + ctx.path() + ".", Map.of());
        } else {
            respond(ctx, ErrorKind.BAD_REQUEST, e.getMessage(), Map.of());
        }
    }

    /** A query or path parameter that failed Javalin's validator checks. */
    public void validation(ValidationException e, Context ctx) {
        String message =
                e.getErrors().entrySet().stream()
                        .map(
                                field ->
                                        field.getValue().stream()
                                                .map(error -> wording(field.getKey(), error))
                                                .findFirst()
                                                .orElse(field.getKey() + " is not valid"))
                        .collect(Collectors.joining("; "));
        respond(ctx, ErrorKind.BAD_REQUEST, message + ".", Map.of());
    }

    private static String wording(String field, ValidationError<?> error) {
        if ("TYPE_CONVERSION_FAILED".equals(error.getMessage())) {
            // never Java's own text ("For input string")
            return field + " must be a whole number, got '" + error.value + "'";
        }
        return error.getMessage() + ", got '" + error.value + "'";
    }

    public void unexpected(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected failure {} on {} {}", id, ctx.method(), ctx.path(), e);
        respond(
                ctx,
                ErrorKind.INTERNAL,
                "Something went wrong on our side (reference "
                        + id
                        + "). Try again, "
                        + "and tell your admin the reference if it keeps happening.",
                Map.of("reference", id));
    }

    private void respond(Context ctx, ErrorKind kind, String message, Map<String, Object> details) {
        ctx.status(kind.status());
        if (isApi(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("kind", kind.label());
            body.putAll(details);
            if (kind.status() == 422 && "1".equals(ctx.header(INLINE_PROBLEMS))) {
                // The search bar shows a question it did not understand as a hint; as a 422 the
                // browser would also log it as a failed request. Same body, said to be a problem.
                ctx.status(200);
                body.put("problem", true);
                body.put("status", kind.status());
            }
            ctx.json(body);
            return;
        }
        if (Htmx.isHtmx(ctx)) {
            ctx.html(
                    templates.render(
                            "error/toast.jte", Map.of("kind", kind.label(), "message", message)));
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("status", kind.status());
        params.put("message", message);
        params.put(
                "user",
                (access == null ? AccessControl.optionalUser(ctx) : access.currentUser(ctx))
                        .orElse(null));
        ctx.html(templates.render("error/page.jte", params));
    }

    private static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }
}
