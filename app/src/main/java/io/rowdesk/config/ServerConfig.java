package io.rowdesk.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code server:} where to listen, where data lives, the zone that "today" is in, and the memory
 * the query instance may use ({@code memory}: a size such as {@code 1GB}, or a share of the machine
 * such as {@code 10%}; beyond it DuckDB spills to disk under the data folder).
 */
public record ServerConfig(int port, Path dataDir, ZoneId timezone, long memoryBytes) {
    public static final int DEFAULT_PORT = 7070;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    /** An eighth of the machine's memory, at most 1 GB and at least 256 MB. */
    public static final long DEFAULT_MEMORY_BYTES =
            Math.max(256L << 20, Math.min(1L << 30, ByteSizes.physicalMemory() / 8));

    public ServerConfig(int port, Path dataDir, ZoneId timezone) {
        this(port, dataDir, timezone, DEFAULT_MEMORY_BYTES);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(newPort, dataDir, timezone, memoryBytes);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(port, newDataDir, timezone, memoryBytes);
    }

    public ServerConfig withTimezone(ZoneId newTimezone) {
        return new ServerConfig(port, dataDir, newTimezone, memoryBytes);
    }
}
