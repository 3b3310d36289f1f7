package io.rowdesk.web;

import io.rowdesk.BuildInfo;

/** URLs of the static assets; webjars' paths carry their versions. */
public final class Assets {
    public static final String HTMX =
            "/webjars/htmx.org/" + BuildInfo.HTMX_VERSION + "/dist/htmx.min.js";
    public static final String CHART =
            "/webjars/chart.js/" + BuildInfo.CHARTJS_VERSION + "/dist/chart.umd.min.js";
    public static final String SEARCH = "/static/search.js";
    public static final String CSS = "/static/rowdesk.css";
    public static final String GRID = "/static/grid.js";
    public static final String SIDEBAR = "/static/sidebar.js";
    public static final String FAVICON = "/static/favicon.svg";

    /** Browsers ask for this path whatever the page says; it answers with the page's icon. */
    public static final String FAVICON_ICO = "/favicon.ico";

    static void favicon(io.javalin.http.Context ctx) {
        ctx.redirect(FAVICON, io.javalin.http.HttpStatus.MOVED_PERMANENTLY);
    }

    public static final String ROW_ACTIONS = "/static/row-actions.js";
    public static final String JOINS = "/static/joins.js";

    private Assets() {}
}
