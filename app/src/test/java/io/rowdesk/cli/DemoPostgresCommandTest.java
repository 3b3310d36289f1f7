package io.rowdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.source.postgres.PostgresFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo's app tables on a real Postgres, synced back through the written config. */
class DemoPostgresCommandTest {
    static final String DB = "rowdesk_src_demo";
    @TempDir Path dataDir;

    @Test
    void demo_postgres_loads_the_app_tables_and_its_config_syncs_them() throws Exception {
        PostgresFixture.recreate(DB);
        Path config = dataDir.resolve("pg.yaml");
        DemoCommand.Postgres command = new DemoCommand.Postgres();
        command.env = Map.of();
        int exit =
                new CommandLine(command)
                        .execute(
                                "--database",
                                DB,
                                "--data-dir",
                                dataDir.toString(),
                                "--demo-scale",
                                "0.01",
                                "--as-of",
                                TestApp.AS_OF.toString(),
                                "--write-config",
                                config.toString());
        assertThat(exit).isZero();
        long payouts;
        try (var connection = PostgresFixture.connect(DB);
                var statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM payouts")) {
            rs.next();
            payouts = rs.getLong(1);
        }
        assertThat(payouts).isPositive();
        assertThat(Files.readString(config))
                .contains("name: app")
                .contains("kind: postgres")
                .contains("{name: payouts, key: payout_id}");
        assertThat(Files.readString(config))
                .contains("demo:\n  enabled: true\n  seed: 42\n  scale: 0.01\n  as_of: 2026-11-20");
        // the written config is the demo with its app source on Postgres, served on its own
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            assertThat(app.rowdesk().engine().count("payouts")).isEqualTo(payouts);
            assertThat(app.rowdesk().catalog().all())
                    .filteredOn(r -> r.source().equals("app"))
                    .extracting(r -> r.name())
                    .containsExactlyInAnyOrder("partners", "referrers", "payouts");
            assertThat(app.rowdesk().catalog().all())
                    .extracting(r -> r.name())
                    .contains("referrals", "payout_review");
            assertThat(app.rowdesk().sync().source("app").orElseThrow().kind())
                    .isEqualTo("postgres");
        }
    }
}
