package io.rowdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** URLs of the static assets; htmx comes from its webjar, so its path carries the version. */
public final class Assets {
    public static final String VERSION;
    public static final String HTMX;
    public static final String CHART;
    public static final String SEARCH = "/static/search.js";
    public static final String CSS = "/static/rowdesk.css";
    public static final String GRID = "/static/grid.js";

    static {
        Properties build = new Properties();
        try (InputStream in =
                Assets.class.getClassLoader().getResourceAsStream("rowdesk-build.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "rowdesk-build.properties is missing: build with Maven");
            }
            build.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        VERSION = build.getProperty("version");
        HTMX = "/webjars/htmx.org/" + build.getProperty("htmx.version") + "/dist/htmx.min.js";
        CHART =
                "/webjars/chart.js/"
                        + build.getProperty("chartjs.version")
                        + "/dist/chart.umd.min.js";
    }

    private Assets() {}
}
