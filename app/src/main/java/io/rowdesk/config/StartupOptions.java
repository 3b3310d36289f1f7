package io.rowdesk.config;

import java.nio.file.Path;
import java.time.LocalDate;

/** What the command line said; null means "not given", so that environment and file may decide. */
public record StartupOptions(
        Path config, Path dataDir, Integer port, boolean demo, Double demoScale, LocalDate asOf) {
    public static final StartupOptions NONE =
            new StartupOptions(null, null, null, false, null, null);
}
