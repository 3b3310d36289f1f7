package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.AuthService;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The login form, logging in and out. */
public final class AuthController {
    public static final String LOGIN = "/login";
    public static final String LOGOUT = "/logout";

    private final AuthService auth;
    private final AccessControl access;
    private final Templates templates;

    public AuthController(AuthService auth, AccessControl access, Templates templates) {
        this.auth = Objects.requireNonNull(auth, "auth is null");
        this.access = Objects.requireNonNull(access, "access is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
    }

    public void loginPage(Context ctx) {
        if (AccessControl.optionalUser(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        render(ctx, null, "", ctx.queryParam("next"));
    }

    public void login(Context ctx) {
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "");
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        String next = ctx.formParam("next");
        if (email.isBlank() || password.isEmpty()) {
            ctx.status(400);
            render(ctx, "Enter your email and password.", email, next);
            return;
        }
        var login = auth.login(email, password, ctx.ip());
        if (login.isEmpty()) {
            ctx.status(401);
            render(ctx, "That email and password do not match an account.", email, next);
            return;
        }
        access.setSessionCookie(ctx, login.get().sessionToken());
        ctx.redirect(safeNext(next));
    }

    public void logout(Context ctx) {
        auth.logout(
                Objects.requireNonNullElse(ctx.cookie(AccessControl.SESSION_COOKIE), ""),
                AccessControl.user(ctx));
        access.clearSessionCookie(ctx);
        ctx.redirect(LOGIN);
    }

    private void render(Context ctx, String error, String email, String next) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("email", email);
        params.put("next", next == null ? "" : next);
        ctx.html(templates.render("auth/login.jte", params));
    }

    /**
     * Only our own paths: "//evil.example" or "https://..." would make the login an open redirect.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return RelationController.HOME;
        }
        return next;
    }
}
