package io.rowdesk.config;

import java.nio.file.Path;
import java.time.ZoneId;

/** {@code server:} where to listen, where data lives, and the zone that "today" is in. */
public record ServerConfig(int port, Path dataDir, ZoneId timezone) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, timezone);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(port, newDataDir, timezone);
    }

    public ServerConfig withTimezone(ZoneId newTimezone) {
        return new ServerConfig(port, dataDir, newTimezone);
    }
}
