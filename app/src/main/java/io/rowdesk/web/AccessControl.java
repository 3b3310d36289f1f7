package io.rowdesk.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.rowdesk.audit.AuditEntry;
import io.rowdesk.audit.AuditSampler;
import io.rowdesk.auth.AuthService;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.Tokens;
import io.rowdesk.auth.User;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.secret.SecretBox;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, before every matched route, who is asking and whether their role may. Fails closed: a
 * route registered without a role is refused.
 *
 * <p>Cookie-authenticated writes (every method but GET, HEAD and OPTIONS) must come from our own
 * pages twice over: the browser's {@code Origin} (or {@code Sec-Fetch-Site}) says so, and the
 * request carries the session's CSRF token ({@value #CSRF_HEADER} header, which htmx sends through
 * {@code hx-headers}, or the {@value #CSRF_FIELD} form field). The login and invite forms, which
 * have no session yet, carry a token that matches a pre-session cookie (double submit). Requests
 * with a bearer token are exempt: no browser adds one on its own.
 */
public final class AccessControl {
    public static final String SESSION_COOKIE = "rowdesk_session";
    public static final String LOGIN_CSRF_COOKIE = "rowdesk_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    /** The prefix that makes browsers keep a cookie Secure, host-only and on path /. */
    public static final String HOST_PREFIX = "__Host-";

    private static final String USER_ATTRIBUTE = "rowdesk.user";
    private static final String SESSION_ATTRIBUTE = "rowdesk.session";
    private static final String BEARER_ATTRIBUTE = "rowdesk.bearer";
    private static final String BEARER = "Bearer ";

    private final AuthService auth;
    private final boolean publicUrlIsHttps;
    private final AuditSampler denials;

    public AccessControl(AuthService auth) {
        this(auth, false, null);
    }

    /** {@code denials}: where refusals are audited (repeats summarised); null for none. */
    public AccessControl(AuthService auth, boolean publicUrlIsHttps, AuditSampler denials) {
        this.auth = Objects.requireNonNull(auth, "auth is null");
        this.publicUrlIsHttps = publicUrlIsHttps;
        this.denials = denials;
    }

    /** Checks the request, auditing a refusal before it becomes the answer. */
    public void check(Context ctx) {
        try {
            decide(ctx);
        } catch (UserFacingException e) {
            if (denials != null) {
                String actor = optionalUser(ctx).map(User::email).orElse("anonymous");
                denials.record(
                        actor,
                        "access.denied",
                        ctx.method() + " " + ctx.path(),
                        AuditEntry.Outcome.DENIED,
                        ctx.ip(),
                        Map.of("ip", ctx.ip(), "reason", e.getMessage()));
            }
            throw e;
        }
    }

    /**
     * Public addresses that programs post to, never a browser form (the demo's stand-in for a
     * webhook receiver): they act on no session, so there is no login or session to forge.
     */
    private static final Set<String> MACHINE_ENDPOINTS = Set.of(ActionController.DEMO_RECEIVER);

    private void decide(Context ctx) {
        Role required = RouteRoles.least(ctx.routeRoles());
        if (required == null) {
            throw new UserFacingException(ErrorKind.FORBIDDEN, "This address has no access rule.");
        }
        Optional<User> user = identify(ctx);
        user.ifPresent(u -> ctx.attribute(USER_ATTRIBUTE, u));
        boolean bearer = ctx.attribute(BEARER_ATTRIBUTE) != null;
        if (required == Role.PUBLIC) {
            if (isUnsafe(ctx)
                    && !bearer
                    && !MACHINE_ENDPOINTS.contains(ctx.endpoints().matchedHttpEndpoint().path)) {
                requireOurOrigin(ctx);
                requireCsrfToken(ctx, true);
            }
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
        if (isUnsafe(ctx) && !bearer) {
            requireOurOrigin(ctx);
            requireCsrfToken(ctx, false);
        }
        if (!ctx.path().startsWith(AccountController.ACCOUNT)
                && !ctx.path().equals(AuthController.LOGOUT)
                && auth.needsTwoFactorSetup(user.get())) {
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "Your role signs in with a second factor: set it up on "
                            + AccountController.ACCOUNT
                            + " first.");
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

    /** The session token of a cookie-authenticated request, if any. */
    public static Optional<String> sessionToken(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }

    /** The CSRF token pages put in {@code hx-headers} and forms: empty without a session. */
    public static String csrf(Context ctx) {
        return sessionToken(ctx).map(AuthService::csrfTokenFor).orElse("");
    }

    /** The pre-session token of the login and invite forms, set as a cookie when missing. */
    public String loginCsrfToken(Context ctx) {
        String name = cookieName(ctx, LOGIN_CSRF_COOKIE);
        String existing = ctx.cookie(name);
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) {
            return existing;
        }
        String token = Tokens.random();
        Cookie cookie = baseCookie(ctx, name, token);
        cookie.setMaxAge(60 * 60 * 12);
        ctx.cookie(cookie);
        return token;
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
            ctx.attribute(BEARER_ATTRIBUTE, Boolean.TRUE);
            return auth.userForApiToken(authorization.substring(BEARER.length()).trim());
        }
        String token = ctx.cookie(cookieName(ctx, SESSION_COOKIE));
        Optional<User> user = auth.userForSession(token);
        if (user.isPresent()) {
            ctx.attribute(SESSION_ATTRIBUTE, token);
        }
        return user;
    }

    public void setSessionCookie(Context ctx, String token) {
        Cookie cookie = baseCookie(ctx, cookieName(ctx, SESSION_COOKIE), token);
        cookie.setMaxAge((int) auth.config().sessionTtl().toSeconds());
        ctx.cookie(cookie);
    }

    public void clearSessionCookie(Context ctx) {
        Cookie cookie = baseCookie(ctx, cookieName(ctx, SESSION_COOKIE), "");
        cookie.setMaxAge(0);
        ctx.cookie(cookie);
    }

    /** The session cookie's name for this request ({@code __Host-} prefixed when Secure). */
    public String sessionCookieName(Context ctx) {
        return cookieName(ctx, SESSION_COOKIE);
    }

    private Cookie baseCookie(Context ctx, String name, String value) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure(ctx));
        cookie.setSameSite(SameSite.STRICT);
        return cookie;
    }

    private String cookieName(Context ctx, String base) {
        return secure(ctx) ? HOST_PREFIX + base : base;
    }

    /**
     * Secure cookies when the request came over https or the public address is https; {@code
     * auth.secure_cookies} overrides both.
     */
    boolean secure(Context ctx) {
        Boolean override = auth.config().secureCookies();
        if (override != null) {
            return override;
        }
        return publicUrlIsHttps || "https".equalsIgnoreCase(ctx.scheme());
    }

    private static boolean isUnsafe(Context ctx) {
        HandlerType method = ctx.method();
        return method != HandlerType.GET
                && method != HandlerType.HEAD
                && method != HandlerType.OPTIONS;
    }

    private static void requireOurOrigin(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        boolean ok;
        if (fetchSite != null && !fetchSite.equals("same-origin")) {
            ok = false;
        } else {
            ok = sameOrigin(ctx);
        }
        if (!ok) {
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "This form was sent from another site; reload the page and try again.");
        }
    }

    /** {@code preSession}: the login and invite forms may carry the pre-session token. */
    private void requireCsrfToken(Context ctx, boolean preSession) {
        List<String> sent = new ArrayList<>(2);
        sent.add(ctx.header(CSRF_HEADER));
        if (isForm(ctx)) {
            sent.add(ctx.formParam(CSRF_FIELD));
        }
        Optional<String> session = sessionToken(ctx);
        String cookie = preSession ? ctx.cookie(cookieName(ctx, LOGIN_CSRF_COOKIE)) : null;
        boolean ok = false;
        for (String candidate : sent) {
            ok |=
                    session.isPresent()
                            && SecretBox.constantTimeEquals(
                                    candidate, auth.csrfToken(session.get()));
            ok |=
                    cookie != null
                            && !cookie.isEmpty()
                            && SecretBox.constantTimeEquals(candidate, cookie);
        }
        if (!ok) {
            throw new UserFacingException(
                    ErrorKind.FORBIDDEN,
                    "This form is missing its security token or the token is out of date; reload"
                            + " the page and try again.");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded")
                        || type.startsWith("multipart/form-data"));
    }

    /**
     * Cookie-authenticated writes must come from our own pages (OWASP: verify the Origin header).
     */
    private static boolean sameOrigin(Context ctx) {
        String origin = Optional.ofNullable(ctx.header("Origin")).orElse(ctx.header("Referer"));
        String host = ctx.header("Host");
        if (origin == null || host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String originHost =
                    uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
