package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.AuthService;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.auth.UserRepository;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.RelationCatalog;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Teammates: the admins' users page and API, and the invite page an invitee opens. */
public final class UsersController {
    public static final String USERS_API = "/api/v1/users";
    public static final String USER_API = "/api/v1/users/{id}";
    public static final String INVITES_API = "/api/v1/invites";
    public static final String USERS = "/users";
    public static final String USERS_INVITE = "/users/invite";
    public static final String USER_UPDATE = "/users/{id}";
    public static final String INVITE = "/invite/{token}";

    private final AuthService auth;
    private final AccessControl access;
    private final RelationCatalog catalog;
    private final Templates templates;
    private final URI publicUrl;

    public UsersController(
            AuthService auth,
            AccessControl access,
            RelationCatalog catalog,
            Templates templates,
            URI publicUrl) {
        this.auth = Objects.requireNonNull(auth, "auth is null");
        this.access = Objects.requireNonNull(access, "access is null");
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        this.templates = Objects.requireNonNull(templates, "templates is null");
        this.publicUrl = publicUrl;
    }

    record NewUser(String email, String role, String password) {}

    record UserPatch(String role, Boolean disabled) {}

    record NewInvite(String email, String role) {}

    public void list(Context ctx) {
        ctx.json(Map.of("users", auth.listUsers().stream().map(UsersController::json).toList()));
    }

    public void create(Context ctx) {
        NewUser body =
                RequestBodies.read(
                        ctx,
                        NewUser.class,
                        "{\"email\": \"sam@example.com\", \"role\": \"viewer\", \"password\": \"...\"}");
        User user =
                auth.createUser(
                        body.email(),
                        role(body.role()),
                        body.password(),
                        AccessControl.user(ctx).email());
        ctx.status(201)
                .json(Map.of("id", user.id(), "email", user.email(), "role", user.role().label()));
    }

    public void update(Context ctx) {
        UserPatch body =
                RequestBodies.read(
                        ctx, UserPatch.class, "{\"role\": \"builder\", \"disabled\": false}");
        if (body.role() == null && body.disabled() == null) {
            throw UserFacingException.badRequest("Send \"role\" and/or \"disabled\".");
        }
        var updated =
                auth.updateUser(
                        id(ctx),
                        body.role() == null ? null : role(body.role()),
                        body.disabled(),
                        AccessControl.user(ctx));
        ctx.json(json(updated));
    }

    public void invite(Context ctx) {
        NewInvite body =
                RequestBodies.read(
                        ctx,
                        NewInvite.class,
                        "{\"email\": \"sam@example.com\", \"role\": \"viewer\"}");
        var invite = auth.invite(body.email(), role(body.role()), AccessControl.user(ctx));
        ctx.status(201).json(inviteJson(ctx, invite));
    }

    public void page(Context ctx) {
        renderUsers(ctx, null, null);
    }

    public void invitePost(Context ctx) {
        var invite =
                auth.invite(
                        ctx.formParam("email"),
                        role(ctx.formParam("role")),
                        AccessControl.user(ctx));
        renderUsers(ctx, invite, link(ctx, invite.token()));
    }

    public void updatePost(Context ctx) {
        String role = ctx.formParam("role");
        String disabled = ctx.formParam("disabled");
        auth.updateUser(
                id(ctx),
                role == null || role.isBlank() ? null : role(role),
                disabled == null ? null : Boolean.valueOf(disabled),
                AccessControl.user(ctx));
        ctx.redirect(USERS);
    }

    public void invitePage(Context ctx) {
        renderInvite(ctx, null);
    }

    public void acceptInvite(Context ctx) {
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        if (!password.equals(ctx.formParam("confirm"))) {
            ctx.status(400);
            renderInvite(ctx, "The two passwords differ.");
            return;
        }
        try {
            auth.acceptInvite(ctx.pathParam("token"), password);
        } catch (UserFacingException e) {
            ctx.status(e.kind().status());
            renderInvite(ctx, e.getMessage());
            return;
        }
        ctx.redirect(AuthController.LOGIN);
    }

    private void renderInvite(Context ctx, String error) {
        var invite = auth.findInvite(ctx.pathParam("token"));
        Map<String, Object> params = new HashMap<>();
        params.put("invite", invite.orElse(null));
        params.put("error", error);
        params.put("csrf", access.loginCsrfToken(ctx));
        if (invite.isEmpty() && error == null) {
            ctx.status(404);
        }
        ctx.html(templates.render("users/invite.jte", params));
    }

    private void renderUsers(Context ctx, AuthService.NewInvite invite, String link) {
        User user = AccessControl.user(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put(
                "page",
                new PageModel(
                        "Users",
                        user,
                        catalog.visibleTo(user.role()),
                        null,
                        AccessControl.csrf(ctx)));
        params.put("users", auth.listUsers());
        params.put("roles", List.of(Role.assignable()));
        params.put("invite", invite);
        params.put("link", link);
        ctx.html(templates.render("users/users.jte", params));
    }

    private Map<String, Object> inviteJson(Context ctx, AuthService.NewInvite invite) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", invite.id());
        out.put("email", invite.email());
        out.put("role", invite.role().label());
        out.put("url", link(ctx, invite.token()));
        out.put("expires", invite.expires().toString() + "Z");
        return out;
    }

    private String link(Context ctx, String token) {
        String base =
                publicUrl != null
                        ? publicUrl.toString().replaceAll("/+$", "")
                        : ctx.scheme() + "://" + ctx.host();
        return base + INVITE.replace("{token}", token);
    }

    static Map<String, Object> json(UserRepository.UserInfo user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("email", user.email());
        out.put("role", user.role().label());
        out.put("disabled", user.disabled());
        out.put("two_factor", user.twoFactor());
        out.put("created_at", user.createdAt().toString() + "Z");
        return out;
    }

    static Role role(String text) {
        Role role = Role.parse(text);
        if (role == null) {
            throw UserFacingException.badRequest("\"role\" must be viewer, builder or admin.");
        }
        return role;
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw UserFacingException.badRequest("The user id must be a number.");
        }
    }
}
