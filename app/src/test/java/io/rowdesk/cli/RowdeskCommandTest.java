package io.rowdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RowdeskCommandTest {
    @Test
    void help_lists_the_subcommands() {
        StringWriter out = new StringWriter();
        CommandLine cli = RowdeskCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("serve", "audit", "bench");
    }

    @Test
    void serve_help_lists_every_documented_flag() {
        StringWriter out = new StringWriter();
        CommandLine cli = RowdeskCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString())
                .contains("--config", "--data-dir", "--port", "--demo", "--demo-scale", "--as-of");
    }

    @Test
    void a_bad_config_file_is_reported_with_exit_code_2_and_no_stack_trace(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("rowdesk.yaml");
        Files.writeString(file, "server:\n  port: seventy\n");
        StringWriter err = new StringWriter();
        CommandLine cli = RowdeskCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("serve", "--config", file.toString(), "--data-dir", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString())
                .contains("server.port (line 2): must be a whole number")
                .doesNotContain("Exception");
    }

    @Test
    void audit_verify_reports_an_intact_chain(@TempDir Path dir) {
        try (var store =
                io.rowdesk.store.DuckDbStateStore.open(
                        dir.resolve("rowdesk.db"), new io.rowdesk.store.SqlFiles())) {
            new io.rowdesk.audit.AuditLog(store.jdbi(), java.time.Clock.systemUTC())
                    .record(
                            "a",
                            "auth.login",
                            "a",
                            io.rowdesk.audit.AuditEntry.Outcome.SUCCESS,
                            java.util.Map.of());
        }
        assertThat(
                        RowdeskCommand.commandLine()
                                .execute("audit", "verify", "--data-dir", dir.toString()))
                .isZero();
        try (var store =
                io.rowdesk.store.DuckDbStateStore.open(
                        dir.resolve("rowdesk.db"), new io.rowdesk.store.SqlFiles())) {
            store.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'mallory'"));
        }
        assertThat(
                        RowdeskCommand.commandLine()
                                .execute("audit", "verify", "--data-dir", dir.toString()))
                .isEqualTo(1);
    }

    @Test
    void translate_prints_the_sql_and_eval_scores_a_file(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        int translated;
        int evaluated;
        Path questions = dir.resolve("q.jsonl");
        Files.writeString(
                questions,
                "{\"id\": \"t1\", \"relation\": \"payouts\", \"question\": \"paid payouts\", "
                        + "\"gold\": \"SELECT * FROM payouts WHERE status = 'paid'\", \"classes\": [\"category\"], \"today\": \"2026-11-20\"}\n");
        try {
            translated =
                    RowdeskCommand.commandLine()
                            .execute(
                                    "translate",
                                    "--data-dir",
                                    dir.resolve("data").toString(),
                                    "--demo-scale",
                                    "0.01",
                                    "--relation",
                                    "payouts",
                                    "--today",
                                    "2026-11-20",
                                    "pending",
                                    "payouts",
                                    "last",
                                    "month");
            evaluated =
                    RowdeskCommand.commandLine()
                            .execute(
                                    "eval",
                                    "--data-dir",
                                    dir.resolve("data").toString(),
                                    "--demo-scale",
                                    "0.01",
                                    questions.toString());
        } finally {
            System.setOut(original);
        }
        assertThat(translated).isZero();
        assertThat(evaluated).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(
                        "SELECT * FROM \"payouts\" WHERE \"status\" IN (?)",
                        "-- requested last month (Oct 2026)",
                        "q.jsonl: 1/1 = 100.0% execution match");
    }
}
