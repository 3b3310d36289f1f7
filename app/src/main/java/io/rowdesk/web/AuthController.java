package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.AuthService;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        render(ctx, null, "", ctx.queryParam("next"), false);
    }

    public void login(Context ctx) {
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "");
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        String code = ctx.formParam("code");
        String next = ctx.formParam("next");
        if (email.isBlank() || password.isEmpty()) {
            ctx.status(400);
            render(ctx, "Enter your email and password.", email, next, code != null);
            return;
        }
        AuthService.LoginOutcome outcome =
                auth.attempt(
                        new AuthService.LoginAttempt(
                                email,
                                password,
                                code,
                                ctx.ip(),
                                ctx.cookie(access.sessionCookieName(ctx))));
        if (outcome instanceof AuthService.LoggedIn in) {
            access.setSessionCookie(ctx, in.sessionToken());
            ctx.redirect(safeNext(next));
        } else if (outcome instanceof AuthService.CodeNeeded) {
            render(
                    ctx,
                    "Enter the 6-digit code from your authenticator app, with your password again.",
                    email,
                    next,
                    true);
        } else if (outcome instanceof AuthService.Refused refused) {
            ctx.status(401);
            render(ctx, refused.message(), email, next, code != null);
        }
    }

    public void logout(Context ctx) {
        auth.logout(AccessControl.sessionToken(ctx).orElse(""), AccessControl.user(ctx));
        access.clearSessionCookie(ctx);
        ctx.redirect(LOGIN);
    }

    private void render(Context ctx, String error, String email, String next, boolean askCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("error", error);
        params.put("email", email);
        params.put("next", next == null ? "" : next);
        params.put("csrf", access.loginCsrfToken(ctx));
        params.put("askCode", askCode);
        ctx.html(templates.render("auth/login.jte", params));
    }

    /**
     * Only a path on this site. Browsers forgive a lot in a Location header: they drop tabs and
     * newlines, read a backslash as a slash and "//" as another host, so "/\t/evil.example" or
     * "/\\evil.example" lead away. Anything with a control character, whitespace or a backslash
     * (also percent-encoded), anything that parses with a scheme or a host, and anything whose path
     * does not start with exactly one slash goes home instead.
     */
    private static boolean unsafe(char c) {
        return (c < 0x20 && c != ' ')
                || c == 0x7f
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || (Character.isWhitespace(c) && c != ' ');
    }

    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.length() > 2048) {
            return RelationController.HOME;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(next.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return RelationController.HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || unsafe(c)) {
                return RelationController.HOME;
            }
        }
        for (String text : new String[] {next, decoded}) {
            if (!text.startsWith("/") || text.startsWith("//") || text.contains("\\")) {
                return RelationController.HOME;
            }
            for (int i = 0; i < text.length(); i++) {
                if (unsafe(text.charAt(i))) {
                    return RelationController.HOME;
                }
            }
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null
                    || uri.getRawAuthority() != null
                    || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")
                    || uri.getRawPath().startsWith("//")) {
                return RelationController.HOME;
            }
            return uri.getRawQuery() == null
                    ? uri.getRawPath()
                    : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return RelationController.HOME;
        }
    }
}
