package io.rowdesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code server:} where to listen, where data lives, the zone that "today" is in, and the public
 * address people reach it by ({@code public_url}, null when not set; an https address makes the
 * session cookie Secure even behind a TLS-terminating proxy).
 */
public record ServerConfig(
        int port, Path dataDir, ZoneId timezone, URI publicUrl, LogFormat logFormat) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    /** {@code server.log_format}: lines for people, or one JSON object per line for collectors. */
    public enum LogFormat {
        TEXT,
        JSON
    }

    public ServerConfig(int port, Path dataDir, ZoneId timezone) {
        this(port, dataDir, timezone, null, LogFormat.TEXT);
    }

    public boolean publicUrlIsHttps() {
        return publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, timezone, publicUrl, logFormat);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(port, newDataDir, timezone, publicUrl, logFormat);
    }

    public ServerConfig withTimezone(ZoneId newTimezone) {
        return new ServerConfig(port, dataDir, newTimezone, publicUrl, logFormat);
    }
}
