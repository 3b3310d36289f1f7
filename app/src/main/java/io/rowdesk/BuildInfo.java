package io.rowdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What Maven wrote into {@code rowdesk-build.properties}: our version and our webjars'. */
public final class BuildInfo {
    public static final String VERSION;
    public static final String HTMX_VERSION;
    public static final String CHARTJS_VERSION;

    static {
        Properties build = new Properties();
        try (InputStream in =
                BuildInfo.class.getClassLoader().getResourceAsStream("rowdesk-build.properties")) {
            if (in == null) {
                throw new IllegalStateException(
                        "rowdesk-build.properties is missing: build with Maven");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = build.getProperty("version");
        HTMX_VERSION = build.getProperty("htmx.version");
        CHARTJS_VERSION = build.getProperty("chartjs.version");
    }

    private BuildInfo() {}
}
