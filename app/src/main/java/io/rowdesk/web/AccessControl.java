package io.rowdesk.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.rowdesk.auth.AuthService;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.User;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, before every matched route, who is asking and whether their role may. Fails closed: a
 * route registered without a role is refused.
 */
public final class AccessControl {
    public static final String SESSION_COOKIE = "rowdesk_session";
    private static final String USER_ATTRIBUTE = "rowdesk.user";
    private static final String BEARER = "Bearer ";

    private final AuthService auth;

    public AccessControl(AuthService auth) {
        this.auth = Objects.requireNonNull(auth, "auth is null");
    }

    public void check(Context ctx) {
        Role required = RouteRoles.least(ctx.routeRoles());
        if (required == null) {
            throw new UserFacingException(ErrorKind.FORBIDDEN, "This address has no access rule.");
        }
        Optional<User> user = identify(ctx);
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        if (required == Role.PUBLIC) {
            return;
        }
        if (user.isEmpty()) {
            throw new UserFacingException(ErrorKind.UNAUTHENTICATED, "Log in first.");
        }
        if (!user.get().role().includes(required)) {
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "This needs the "
                            + required.label()
                            + " role; you are "
                            + user.get().role().label()
                            + ".");
        }
        if (isUnsafe(ctx) && ctx.attribute("rowdesk.bearer") == null && !sameOrigin(ctx)) {
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "This form was sent from another site; reload the page and try again.");
        }
    }

    /** The logged-in user of a request that passed {@link #check}. */
    public static User user(Context ctx) {
        User user = ctx.attribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("no user on a route that requires one");
        }
        return user;
    }

    public static Optional<User> optionalUser(Context ctx) {
        return Optional.ofNullable(ctx.attribute(USER_ATTRIBUTE));
    }

    /**
     * Who is logged in, also on a path no route matched (where {@link #check} did not run): so that
     * a 404 page knows its reader.
     */
    public Optional<User> currentUser(Context ctx) {
        Optional<User> checked = optionalUser(ctx);
        return checked.isPresent() ? checked : identify(ctx);
    }

    private Optional<User> identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith(BEARER)) {
            ctx.attribute("rowdesk.bearer", Boolean.TRUE);
            return auth.userForApiToken(authorization.substring(BEARER.length()).trim());
        }
        return auth.userForSession(ctx.cookie(SESSION_COOKIE));
    }

    public void setSessionCookie(Context ctx, String token) {
        Cookie cookie = new Cookie(SESSION_COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(auth.config().secureCookies());
        cookie.setSameSite(SameSite.STRICT);
        cookie.setMaxAge((int) auth.config().sessionTtl().toSeconds());
        ctx.cookie(cookie);
    }

    public void clearSessionCookie(Context ctx) {
        ctx.removeCookie(SESSION_COOKIE, "/");
    }

    private static boolean isUnsafe(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET
                && method != HandlerType.HEAD
                && method != HandlerType.OPTIONS;
    }

    /**
     * Cookie-authenticated writes must come from our own pages (OWASP: verify the Origin header).
     */
    private static boolean sameOrigin(Context ctx) {
        String origin = Optional.ofNullable(ctx.header("Origin")).orElse(ctx.header("Referer"));
        String host = ctx.header("Host");
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String originHost =
                    uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
