package io.rowdesk.web;

import io.javalin.http.Context;

/** The htmx request and response headers, spelled once. */
public final class Htmx {
    public static final String REQUEST = "HX-Request";
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {}

    public static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header(REQUEST));
    }
}
