package io.rowdesk.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code server:} where to listen, where data lives, the zone that "today" is in, the memory the
 * query instance may use ({@code memory}: a size such as {@code 1GB}, or a share of the machine
 * such as {@code 10%}; beyond it DuckDB spills to disk under the data folder), the public address
 * people reach it by ({@code public_url}, null when not set; an https address makes the session
 * cookie Secure even behind a TLS-terminating proxy), and the private addresses that actions may
 * reach ({@code allow_private_destinations}: IPs, CIDRs or {@code host:port} pairs; everything else
 * must be https to a public address).
 */
public record ServerConfig(
        int port,
        Path dataDir,
        ZoneId timezone,
        long memoryBytes,
        URI publicUrl,
        LogFormat logFormat,
        List<String> allowPrivateDestinations) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    /** An eighth of the machine's memory, at most 1 GB and at least 256 MB. */
    public static final long DEFAULT_MEMORY_BYTES =
            Math.max(256L << 20, Math.min(1L << 30, ByteSizes.physicalMemory() / 8));

    /** {@code server.log_format}: lines for people, or one JSON object per line for collectors. */
    public enum LogFormat {
        TEXT,
        JSON
    }

    public ServerConfig {
        allowPrivateDestinations = List.copyOf(allowPrivateDestinations);
    }

    public ServerConfig(int port, Path dataDir, ZoneId timezone) {
        this(port, dataDir, timezone, DEFAULT_MEMORY_BYTES, null, LogFormat.TEXT, List.of());
    }

    public boolean publicUrlIsHttps() {
        return publicUrl != null && "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(
                newPort,
                dataDir,
                timezone,
                memoryBytes,
                publicUrl,
                logFormat,
                allowPrivateDestinations);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(
                port,
                newDataDir,
                timezone,
                memoryBytes,
                publicUrl,
                logFormat,
                allowPrivateDestinations);
    }

    public ServerConfig withTimezone(ZoneId newTimezone) {
        return new ServerConfig(
                port,
                dataDir,
                newTimezone,
                memoryBytes,
                publicUrl,
                logFormat,
                allowPrivateDestinations);
    }

    public ServerConfig withAllowPrivateDestinations(List<String> allowed) {
        return new ServerConfig(
                port, dataDir, timezone, memoryBytes, publicUrl, logFormat, allowed);
    }
}
