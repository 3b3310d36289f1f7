package io.rowdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.source.postgres.PostgresFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rowdesk sync} on its own, then {@code serve} on the same folder; and through a server. */
class SyncCommandTest {
    static final String DB = "rowdesk_src_cli";
    @TempDir Path dataDir;

    @BeforeAll
    static void database() throws Exception {
        PostgresFixture.recreate(DB);
        PostgresFixture.execute(
                DB,
                "CREATE TABLE events (id bigint PRIMARY KEY, kind text, amount numeric(12,2))",
                "INSERT INTO events SELECT i, CASE WHEN i % 2 = 0 THEN 'open' ELSE 'close' END,"
                        + " i * 1.5 FROM generate_series(1, 5000) i");
    }

    private Path config() throws Exception {
        Path config = dataDir.resolve("rowdesk.yaml");
        Files.writeString(
                config, "sources:\n" + PostgresFixture.sourceYaml("pgbar", DB, "[events]"));
        return config;
    }

    private record Run(int exit, String out) {}

    private static Run run(SyncCommand command, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            CommandLine line = new CommandLine(command);
            int exit = line.execute(args);
            return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void sync_fills_the_cache_and_serve_then_serves_the_synced_values() throws Exception {
        Path config = config();
        Run run =
                run(
                        new SyncCommand(),
                        "--config",
                        config.toString(),
                        "--data-dir",
                        dataDir.toString(),
                        "--no-progress");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("pgbar.events: full sync, 5,000 rows");
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            assertThat(app.rowdesk().startup().cache().loaded()).isEmpty();
            assertThat(app.rowdesk().startup().cache().reused()).containsExactly("events");
            var result =
                    app.rowdesk()
                            .engine()
                            .query(
                                    "SELECT count(*), sum(amount) FROM events",
                                    List.of(),
                                    1,
                                    Duration.ofSeconds(5));
            assertThat(result.rows().get(0).get(0)).isEqualTo(5000L);
            assertThat(result.rows().get(0).get(1).toString()).isEqualTo("18753750.00");
        }
    }

    @Test
    void with_a_server_running_sync_asks_the_server() throws Exception {
        Path config = config();
        try (TestApp app = TestApp.withoutDemo(dataDir, config)) {
            assertThat(dataDir.resolve("server.json")).exists();
            SyncCommand command = new SyncCommand();
            command.env = Map.of("ROWDESK_TOKEN", app.token(Role.BUILDER));
            Run run =
                    run(
                            command,
                            "pgbar.events",
                            "--config",
                            config.toString(),
                            "--data-dir",
                            dataDir.toString());
            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(run.out())
                    .contains("Asking the server at " + app.baseUrl())
                    .contains("pgbar.events: full sync, 5,000 rows");
            assertThat(app.rowdesk().audit().recent(5))
                    .extracting(e -> e.actor() + " " + e.action())
                    .contains("builder@example.com source.sync.success");
        }
        assertThat(dataDir.resolve("server.json")).doesNotExist();
    }
}
