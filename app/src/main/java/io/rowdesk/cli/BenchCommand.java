package io.rowdesk.cli;

import io.rowdesk.demo.DemoReport;
import io.rowdesk.demo.DemoSettings;
import io.rowdesk.demo.DemoWarehouse;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rowdesk bench demo|grid}: times demo generation, and grid windows through the JSON API.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure Rowdesk on this machine.",
        subcommands = {
            BenchCommand.Demo.class,
            GridBench.class,
            SearchBench.class,
            SyncBench.class,
            ActionsBench.class
        })
public final class BenchCommand {

    @Command(
            name = "demo",
            mixinStandardHelpOptions = true,
            description =
                    "Generate the demo warehouse into a temporary folder and report the time per table.")
    static final class Demo implements Callable<Integer> {
        @Option(
                names = "--scale",
                defaultValue = "1",
                description = "Demo size factor (default ${DEFAULT-VALUE}).")
        double scale;

        @Option(
                names = "--runs",
                defaultValue = "1",
                description = "How many times to generate (default ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws Exception {
            DemoWarehouse warehouse = new DemoWarehouse(new SqlFiles());
            DemoSettings settings =
                    new DemoSettings(DemoSettings.DEFAULT_SEED, scale, LocalDate.now());
            for (int run = 1; run <= runs; run++) {
                Path dir = Files.createTempDirectory("rowdesk-bench-demo");
                try {
                    DemoReport report = warehouse.generate(dir, settings);
                    System.out.printf(
                            Locale.ROOT,
                            "run %d: all five tables in %.2f s%n",
                            run,
                            report.elapsedMillis() / 1000.0);
                    for (DemoReport.TableReport table : report.tables()) {
                        System.out.printf(
                                Locale.ROOT,
                                "  %-12s %,12d rows  %8.2f s%n",
                                table.table(),
                                table.rows(),
                                table.elapsedMillis() / 1000.0);
                    }
                } finally {
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            return 0;
        }
    }
}
