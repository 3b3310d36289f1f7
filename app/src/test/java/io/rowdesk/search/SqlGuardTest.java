package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryException;
import io.rowdesk.query.QueryResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlGuardTest {
    @TempDir static Path dir;
    static TestApp app;
    static SqlGuard guard;

    @BeforeAll
    static void start() {
        app = GuardFixture.start(dir);
        guard = app.rowdesk().guard();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static List<String> attacks(int port) throws IOException {
        String snapshots = dir.resolve("data").resolve("cache").toAbsolutePath().toString();
        try (InputStream in = SqlGuardTest.class.getResourceAsStream("/search/attacks.txt")) {
            List<String> attacks = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                attacks.add(
                        line.replace("\\n", "\n")
                                .replace("{SNAPDIR}", snapshots)
                                .replace("{PORT}", Integer.toString(port)));
            }
            return attacks;
        }
    }

    @Test
    void every_attack_in_the_corpus_is_refused_with_a_message_for_people() throws IOException {
        List<String> attacks = attacks(9);
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(40);
        for (String attack : attacks) {
            GuardException refused =
                    catchThrowableOfType(
                            GuardException.class, () -> guard.check(attack, Role.BUILDER));
            assertThat(refused).as("refused: %s", attack).isNotNull();
            assertThat(refused.getMessage())
                    .as("message for %s", attack)
                    .isNotBlank()
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void refusals_name_the_rule_that_was_broken() {
        assertRefused("DROP TABLE partners", "Only a single SELECT can run here.");
        assertRefused("SELECT 1; SELECT 2", "Only a single SELECT can run here.");
        assertRefused(
                "SELECT * FROM read_csv('/etc/passwd')",
                "The function read_csv is not allowed here.");
        assertRefused("SELECT getvariable('x')", "The function getvariable is not allowed here.");
        assertRefused("SELECT * FROM x_not_here", "Unknown relation 'x_not_here'.");
        assertRefused(
                "SELECT * FROM snap_1.main.partners", "Unknown relation 'snap_1.main.partners'.");
        assertRefused("SELEC 1", "The query does not parse");
    }

    @Test
    void a_hidden_relation_is_refused_with_the_same_words_as_a_missing_one() {
        assertRefused("SELECT * FROM payout_secrets", "Unknown relation 'payout_secrets'.");
        assertRefused("SELECT * FROM \"PAYOUT_SECRETS\"", "Unknown relation 'PAYOUT_SECRETS'.");
        assertThat(guard.check("SELECT * FROM payout_secrets", Role.ADMIN).relations())
                .containsExactly("payout_secrets");
        assertThat(guard.check("SELECT * FROM payouts", Role.BUILDER).relations())
                .containsExactly("payouts");
    }

    @Test
    void the_sandbox_and_the_guard_keep_a_loopback_listener_untouched() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor =
                    new Thread(
                            () -> {
                                while (!listener.isClosed()) {
                                    try (Socket ignored = listener.accept()) {
                                        accepted.incrementAndGet();
                                    } catch (SocketException closed) {
                                        return;
                                    } catch (IOException e) {
                                        accepted.incrementAndGet();
                                    }
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = listener.getLocalPort();
            List<String> fetches =
                    List.of(
                            "SELECT * FROM 'http://127.0.0.1:" + port + "/x.csv'",
                            "SELECT * FROM read_csv('http://127.0.0.1:" + port + "/x.csv')",
                            "SELECT * FROM read_parquet('http://127.0.0.1:" + port + "/x.parquet')",
                            "SELECT * FROM read_json('http://127.0.0.1:" + port + "/x.json')",
                            "SELECT * FROM read_text('http://127.0.0.1:" + port + "/x.txt')",
                            "ATTACH 'http://127.0.0.1:" + port + "/x.db' AS remote");
            QueryEngine engine = app.rowdesk().engine();
            GuardedQueries guarded = app.rowdesk().guardedQueries();
            for (String sql : fetches) {
                assertThat(catchThrowable(() -> guarded.run(sql, List.of(), Role.ADMIN)))
                        .as(sql)
                        .isInstanceOf(GuardException.class);
                // Defence in depth: even unguarded, the sandboxed instance must not reach out.
                assertThat(
                                catchThrowable(
                                        () ->
                                                engine.query(
                                                        sql, List.of(), 10, Duration.ofSeconds(5))))
                        .as(sql)
                        .isInstanceOf(QueryException.class);
            }
            for (String attack : attacks(port)) {
                assertThat(catchThrowable(() -> guarded.run(attack, List.of(), Role.BUILDER)))
                        .as(attack)
                        .isInstanceOf(GuardException.class);
            }
            Thread.sleep(200);
            assertThat(accepted.get()).as("connections to the loopback listener").isZero();
        }
    }

    @Test
    void ordinary_selects_pass_the_guard_and_run() {
        List<String> queries =
                List.of(
                        "SELECT tier, count(*) AS n, min(joined_at), max(joined_at) FROM partners GROUP BY tier ORDER BY n DESC",
                        "SELECT r.full_name, pa.name FROM referrers r JOIN partners pa ON pa.partner_id = r.partner_id LIMIT 5",
                        "SELECT * FROM referrers r LEFT JOIN partners p USING (partner_id) WHERE p.country ILIKE 'u%'",
                        "WITH big AS (SELECT * FROM referrals WHERE annual_gmv > 1000) SELECT vertical, avg(annual_gmv) FROM big GROUP BY ALL",
                        "WITH a AS (SELECT partner_id FROM partners), b AS (SELECT * FROM a) SELECT count(*) FROM b",
                        "SELECT referrer_id, row_number() OVER (PARTITION BY partner_id ORDER BY signed_up_at) AS rn, "
                                + "lag(signed_up_at) OVER (ORDER BY signed_up_at) FROM referrers QUALIFY rn <= 2",
                        "SELECT CASE WHEN tier = 'gold' THEN 'top' ELSE 'rest' END AS band, count(*) FROM partners GROUP BY 1",
                        "SELECT * FROM partners WHERE joined_at >= DATE '2026-11-20' - INTERVAL 90 DAY",
                        "SELECT date_trunc('month', joined_at) AS m, count(*) FROM partners GROUP BY m ORDER BY m",
                        "SELECT extract(year FROM joined_at), strftime(joined_at, '%Y-%m'), age(joined_at) FROM partners LIMIT 3",
                        "SELECT name FROM partners WHERE name LIKE 'A%' OR lower(name) NOT LIKE '%x%' OR contains(name, 'co')",
                        "SELECT coalesce(nullif(country, ''), 'unknown'), round(abs(-1.234), 1), greatest(1, 2) FROM partners",
                        "SELECT * FROM partners WHERE partner_id IN (SELECT partner_id FROM referrers WHERE signed_up_at > now() - INTERVAL 1 YEAR)",
                        "SELECT count(*) FILTER (WHERE tier = 'gold'), median(partner_id), quantile_cont(partner_id, 0.9), "
                                + "string_agg(DISTINCT tier, ',') FROM partners",
                        "SELECT * FROM payout_review WHERE status = ? LIMIT 10",
                        "FROM partners SELECT name LIMIT 1",
                        "SELECT 1 AS x UNION ALL SELECT 2",
                        "SELECT * FROM (VALUES (1, 'a')) v(id, label)",
                        "SELECT upper(name)::VARCHAR, CAST(partner_id AS BIGINT), TRY_CAST('x' AS INTEGER) FROM PARTNERS LIMIT 1",
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n");
        for (String sql : queries) {
            guard.check(sql, Role.BUILDER);
            List<Object> params = sql.contains("?") ? List.of("pending") : List.of();
            QueryResult result = app.rowdesk().guardedQueries().run(sql, params, Role.BUILDER);
            assertThat(result.columns()).as(sql).isNotEmpty();
        }
    }

    @Test
    void an_unused_named_window_is_dropped_by_the_parser_and_never_run_by_duckdb() {
        // json_serialize_sql leaves out WINDOW definitions that no OVER uses; DuckDB does not bind
        // them either.
        String sql =
                "SELECT count(*) FROM partners WINDOW w AS (PARTITION BY (SELECT 1 FROM no_such_relation))";
        assertThat(guard.check(sql, Role.BUILDER).relations()).containsExactly("partners");
        assertThat(app.rowdesk().guardedQueries().run(sql, List.of(), Role.BUILDER).rows())
                .hasSize(1);
    }

    @Test
    void absurd_input_is_refused_with_a_message_not_a_crash() {
        String deep = "SELECT " + "(".repeat(3_000) + "1" + ")".repeat(3_000);
        String deepSubqueries = "SELECT " + "(SELECT ".repeat(400) + "1" + ")".repeat(400);
        for (String sql :
                List.of(
                        deep,
                        deepSubqueries,
                        "",
                        "   ",
                        ";",
                        "-- only a comment",
                        "x".repeat(SqlGuard.MAX_SQL_CHARS + 1))) {
            GuardException refused =
                    catchThrowableOfType(GuardException.class, () -> guard.check(sql, Role.ADMIN));
            assertThat(refused).as(sql.length() > 40 ? sql.substring(0, 40) : sql).isNotNull();
        }
    }

    @Test
    void a_cte_named_like_a_hidden_relation_only_shadows_it_where_duckdb_would() {
        assertThat(
                        guard.check(
                                "WITH payout_secrets AS (SELECT 1 AS x) SELECT * FROM payout_secrets",
                                Role.BUILDER))
                .isNotNull();
        assertRefused(
                "WITH payout_secrets AS (SELECT * FROM payout_secrets) SELECT * FROM payout_secrets",
                "Unknown relation 'payout_secrets'.");
        assertRefused(
                "WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a",
                "Unknown relation 'b'.");
    }

    private static void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> guard.check(sql, Role.BUILDER))
                .as(sql)
                .isInstanceOf(GuardException.class)
                .hasMessageStartingWith(message);
    }
}
