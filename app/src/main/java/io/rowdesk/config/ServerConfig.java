package io.rowdesk.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code server:} where to listen, where data lives, the zone that "today" is in, and the private
 * addresses that actions may reach ({@code allow_private_destinations}: IPs, CIDRs or {@code
 * host:port} pairs; everything else must be https to a public address).
 */
public record ServerConfig(
        int port, Path dataDir, ZoneId timezone, List<String> allowPrivateDestinations) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public ServerConfig {
        allowPrivateDestinations = List.copyOf(allowPrivateDestinations);
    }

    public ServerConfig(int port, Path dataDir, ZoneId timezone) {
        this(port, dataDir, timezone, List.of());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, timezone, allowPrivateDestinations);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(port, newDataDir, timezone, allowPrivateDestinations);
    }

    public ServerConfig withTimezone(ZoneId newTimezone) {
        return new ServerConfig(port, dataDir, newTimezone, allowPrivateDestinations);
    }

    public ServerConfig withAllowPrivateDestinations(List<String> allowed) {
        return new ServerConfig(port, dataDir, timezone, allowed);
    }
}
