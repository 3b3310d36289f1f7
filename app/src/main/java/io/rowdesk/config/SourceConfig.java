package io.rowdesk.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code sources[i]:} one place tables come from. Only {@code files} (Parquet and CSV in a folder)
 * exists so far; relative paths are resolved against {@code server.data_dir}.
 */
public record SourceConfig(String name, Kind kind, Path path, List<String> tables) {
    public enum Kind {
        FILES
    }

    public SourceConfig {
        tables = List.copyOf(tables);
    }

    public Path resolvedPath(Path dataDir) {
        return path.isAbsolute() ? path : dataDir.resolve(path);
    }
}
