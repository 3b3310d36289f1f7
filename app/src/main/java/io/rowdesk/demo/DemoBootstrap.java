package io.rowdesk.demo;

import io.rowdesk.config.DemoConfig;
import io.rowdesk.store.SqlFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the demo warehouse exists under {@code data/demo}: reuses the files when they were
 * made with the same seed and scale (and as-of date, when one is asked for) and are whole, else
 * generates them (a damaged file: again with the same settings, so the same data).
 */
public final class DemoBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(DemoBootstrap.class);

    /** {@code report} is null when the existing demo was reused. */
    public record Result(DemoSettings settings, DemoReport report) {
        public boolean generated() {
            return report != null;
        }
    }

    private final DemoWarehouse warehouse;
    private final Clock clock;

    public DemoBootstrap(SqlFiles sqlFiles, Clock clock) {
        this.warehouse = new DemoWarehouse(Objects.requireNonNull(sqlFiles, "sqlFiles is null"));
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public Result ensure(Path dataDir, DemoConfig config, ZoneId zone) {
        Path demoDir = dataDir.resolve("demo");
        try {
            Optional<DemoSettings> existing = warehouse.readManifest(demoDir);
            if (existing.isPresent()
                    && existing.get().seed() == config.seed()
                    && existing.get().scale() == config.scale()
                    && (config.asOf() == null || existing.get().asOf().equals(config.asOf()))) {
                List<String> damaged = warehouse.damagedFiles(demoDir);
                if (damaged.isEmpty()) {
                    return new Result(existing.get(), null);
                }
                // Same settings, so the same data again: cached snapshots stay true to the files.
                LOG.warn(
                        "The demo warehouse in {} is damaged ({}); generating it again",
                        demoDir,
                        String.join("; ", damaged));
                DemoReport report = warehouse.generate(demoDir, existing.get());
                LOG.info("Demo warehouse generated in {} ms", report.elapsedMillis());
                return new Result(existing.get(), report);
            }
            LocalDate asOf =
                    config.asOf() != null ? config.asOf() : LocalDate.now(clock.withZone(zone));
            DemoSettings settings = new DemoSettings(config.seed(), config.scale(), asOf);
            LOG.info(
                    "Generating the demo warehouse (scale {}, as of {}) in {}",
                    config.scale(),
                    asOf,
                    demoDir);
            DemoReport report = warehouse.generate(demoDir, settings);
            LOG.info("Demo warehouse generated in {} ms", report.elapsedMillis());
            return new Result(settings, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo warehouse to " + demoDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("demo generation failed: " + e.getMessage(), e);
        }
    }
}
