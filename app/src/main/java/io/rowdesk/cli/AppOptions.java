package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options that say which Rowdesk to open, shared by the commands that work on its data. */
public final class AppOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "rowdesk.yaml to use (or ROWDESK_CONFIG).")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where state, cache and demo data live (default ./data).")
    Path dataDir;

    @Option(
            names = "--demo",
            description = "Use the demo warehouse, adding the --config file's sections to it.")
    boolean demo;

    @Option(
            names = "--demo-scale",
            paramLabel = "FACTOR",
            description = "Demo size factor (default 1).")
    Double demoScale;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "Generate the demo as of this date (default today).")
    LocalDate asOf;

    /** The configuration in force, with {@code port} from the command line if given. */
    RowdeskConfig resolve(Integer port) {
        return new ConfigResolver(System.getenv())
                .resolve(new StartupOptions(config, dataDir, port, demo, demoScale, asOf));
    }

    /** Opens the data without serving it. */
    Rowdesk open() {
        return new Rowdesk(resolve(null), System.getenv(), Clock.systemUTC());
    }
}
