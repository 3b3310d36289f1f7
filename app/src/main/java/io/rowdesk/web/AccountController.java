package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.ApiTokenRepository;
import io.rowdesk.auth.AuthService;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationCatalog;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Everyone's own account: password, API tokens and the second factor; the tokens API. */
public final class AccountController {
    public static final String ACCOUNT = "/account";
    public static final String PASSWORD = "/account/password";
    public static final String TOKENS_PAGE = "/account/tokens";
    public static final String TOKEN_REVOKE = "/account/tokens/{id}/revoke";
    public static final String TOTP = "/account/totp";
    public static final String TOTP_CONFIRM = "/account/totp/confirm";
    public static final String TOKENS_API = "/api/v1/tokens";
    public static final String TOKEN_API = "/api/v1/tokens/{id}";

    private final AuthService auth;
    private final RelationCatalog catalog;
    private final Templates templates;

    public AccountController(AuthService auth, RelationCatalog catalog, Templates templates) {
        this.auth = Objects.requireNonNull(auth, "auth is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
    }

    record NewToken(String name) {}

    public void page(Context ctx) {
        render(ctx, Map.of());
    }

    public void changePassword(Context ctx) {
        String next = Objects.requireNonNullElse(ctx.formParam("new_password"), "");
        if (!next.equals(ctx.formParam("confirm"))) {
            throw UserFacingException.badRequest("The two new passwords differ.");
        }
        auth.changePassword(
                AccessControl.user(ctx),
                ctx.formParam("current_password"),
                next,
                AccessControl.sessionToken(ctx).orElse(null));
        render(ctx, Map.of("notice", "Password changed; your other sessions have ended."));
    }

    public void createTokenPage(Context ctx) {
        var token = auth.createToken(AccessControl.user(ctx), ctx.formParam("name"));
        render(ctx, Map.of("newToken", token));
    }

    public void revokeTokenPage(Context ctx) {
        auth.revokeToken(AccessControl.user(ctx), id(ctx));
        ctx.redirect(ACCOUNT);
    }

    public void beginTotp(Context ctx) {
        render(ctx, Map.of("totp", auth.beginTwoFactor(AccessControl.user(ctx))));
    }

    public void confirmTotp(Context ctx) {
        auth.confirmTwoFactor(
                AccessControl.user(ctx), ctx.formParam("secret"), ctx.formParam("code"));
        render(ctx, Map.of("notice", "Two-factor sign-in is on."));
    }

    public void listTokens(Context ctx) {
        ctx.json(
                Map.of(
                        "tokens",
                        auth.listTokens(AccessControl.user(ctx)).stream()
                                .map(AccountController::json)
                                .toList()));
    }

    public void createToken(Context ctx) {
        NewToken body = RequestBodies.read(ctx, NewToken.class, "{\"name\": \"reporting script\"}");
        var token = auth.createToken(AccessControl.user(ctx), body.name());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", token.id());
        out.put("name", token.name());
        out.put("token", token.token());
        out.put("note", "Shown once: store it now.");
        ctx.status(201).json(out);
    }

    public void revokeToken(Context ctx) {
        auth.revokeToken(AccessControl.user(ctx), id(ctx));
        ctx.status(204);
    }

    private void render(Context ctx, Map<String, Object> extra) {
        User user = AccessControl.user(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put(
                "page",
                new PageModel(
                        "Account",
                        user,
                        catalog.visibleTo(user.role()),
                        null,
                        AccessControl.csrf(ctx)));
        params.put("tokens", auth.listTokens(user));
        params.put("needsTotp", auth.needsTwoFactorSetup(user));
        params.put("notice", null);
        params.put("newToken", null);
        params.put("totp", null);
        params.putAll(extra);
        ctx.html(templates.render("account/account.jte", params));
    }

    static Map<String, Object> json(ApiTokenRepository.TokenInfo token) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", token.id());
        out.put("name", token.name());
        out.put("created_at", token.createdAt() + "Z");
        out.put("last_used_at", token.lastUsedAt() == null ? null : token.lastUsedAt() + "Z");
        out.put("revoked", token.revokedAt() != null);
        return out;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw UserFacingException.badRequest("The token id must be a number.");
        }
    }
}
