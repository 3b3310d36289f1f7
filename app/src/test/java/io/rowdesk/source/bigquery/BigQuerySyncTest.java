package io.rowdesk.source.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.cache.SyncService;
import io.rowdesk.cache.TableStatus;
import io.rowdesk.query.QueryResult;
import io.rowdesk.source.Source;
import io.rowdesk.web.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A BigQuery source through the official client, pointed at a local test server. */
class BigQuerySyncTest {
    @TempDir static Path dataDir;
    static BigQueryTestServer bigquery;
    static TestApp app;

    @BeforeAll
    static void start() throws Exception {
        bigquery = new BigQueryTestServer();
        Path config = dataDir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                """
                sources:
                  - name: warehouse
                    kind: bigquery
                    project: acme
                    dataset: sales
                    endpoint: ENDPOINT
                    tables:
                      - {name: orders, key: id, cursor: at}
                      - name: late_orders
                        key: id
                        query: "SELECT id, name, amount, `at` FROM `orders` WHERE id > 1"
                  - name: warehouse_missing
                    kind: bigquery
                    project: acme
                    dataset: sales
                    endpoint: ENDPOINT
                    tables: [nope]
                """
                        .replace("ENDPOINT", bigquery.endpoint()));
        app = TestApp.withoutDemo(dataDir, config);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (bigquery != null) {
            bigquery.close();
        }
    }

    private static List<Object> row(String sql) {
        QueryResult result =
                app.rowdesk().engine().query(sql, List.of(), 10, Duration.ofSeconds(10));
        return ResultJson.rows(result).get(0);
    }

    @Test
    void every_page_of_the_table_is_synced() {
        assertThat(app.rowdesk().engine().count("orders")).isEqualTo(bigquery.rowCount());
        assertThat(bigquery.requests.stream().filter(r -> r.contains("/data?")).count())
                .as("several pages")
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void bigquery_types_map_to_cache_types() {
        assertThat(app.rowdesk().engine().columns("orders"))
                .extracting(c -> c.name() + " " + c.type())
                .containsExactly(
                        "id BIGINT",
                        "name VARCHAR",
                        "amount DECIMAL(38,9)",
                        "big DOUBLE",
                        "ok BOOLEAN",
                        "day DATE",
                        "at TIMESTAMP",
                        "ts TIMESTAMP WITH TIME ZONE",
                        "t TIME",
                        "data BLOB",
                        "tags VARCHAR[]",
                        "info JSON");
        List<Object> first =
                row(
                        "SELECT id, name, amount, big, ok, \"day\", \"at\", ts, t, data, tags, info"
                                + " FROM orders WHERE id = 2");
        assertThat(first.get(0)).isEqualTo(2L);
        assertThat(first.get(1)).isNull();
        assertThat(first.get(2).toString()).isEqualTo("3.000000000");
        assertThat(first.get(3)).isEqualTo(1e40);
        assertThat(first.get(4)).isEqualTo(true);
        assertThat(first.get(5)).isEqualTo("2026-11-03");
        assertThat(first.get(6)).isEqualTo("2026-11-20T12:00:00");
        assertThat(first.get(7)).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(first.get(8)).isEqualTo("08:30");
        assertThat(first.get(9)).isEqualTo("3 bytes 0x010203");
        assertThat(first.get(10)).isEqualTo(List.of("a", "b2"));
        assertThat(first.get(11).toString()).isEqualTo("{\"city\":\"Lyon\",\"n\":2}");
        assertThat(row("SELECT name FROM orders WHERE id = 3").get(0))
                .as("the empty string stays empty, not NULL")
                .isEqualTo("");
    }

    @Test
    void a_missing_table_is_reported_with_the_source_name() {
        TableStatus missing =
                app.rowdesk().sync().status().stream()
                        .filter(s -> s.name().equals("warehouse_missing"))
                        .flatMap(s -> s.tables().stream())
                        .findFirst()
                        .orElseThrow();
        assertThat(missing.state()).isEqualTo(TableStatus.State.FAILED);
        assertThat(missing.lastError()).contains("source 'warehouse_missing'").contains("nope");
    }

    private static SyncService.Outcome sync(String relation) {
        Source source = app.rowdesk().sync().source("warehouse").orElseThrow();
        return app.rowdesk()
                .sync()
                .syncSource(source, List.of(relation), SyncService.Mode.AUTO, "test")
                .get(0);
    }

    @Test
    void a_query_entry_is_a_table_with_the_querys_columns_and_rows() {
        assertThat(app.rowdesk().engine().columns("late_orders"))
                .extracting(c -> c.name() + " " + c.type())
                .containsExactly(
                        "id BIGINT", "name VARCHAR", "amount DECIMAL(38,9)", "at TIMESTAMP");
        assertThat(row("SELECT count(*), min(id) FROM late_orders")).containsExactly(6L, 2L);
        assertThat(bigquery.requests)
                .as("its columns came from a dry run, its rows from a query job")
                .anyMatch(r -> r.startsWith("POST /bigquery/v2/projects/acme/jobs"))
                .anyMatch(r -> r.startsWith("POST /bigquery/v2/projects/acme/queries"))
                .as("and its second page from the job's result table")
                .anyMatch(
                        r ->
                                r.matches(
                                        "GET /bigquery/v2/projects/acme/datasets/\\w+/tables/job_\\d+/data\\?pageToken=3.*"));
    }

    @Test
    void an_incremental_sync_reads_the_rows_since_the_cursor_and_merges_them_by_key()
            throws Exception {
        bigquery.execute(
                "UPDATE orders SET name = 'changed', \"at\" = \"at\" + INTERVAL 1 DAY WHERE id = 6");
        bigquery.execute(
                "INSERT INTO orders SELECT 8, 'new', '12.000000000', '1e40', 'true', '2026-11-09',"
                        + " TIMESTAMP '2026-11-25 10:00:00', '1763632800', '08:30:00', 'AQID',"
                        + " '[\"a\"]', '{\"city\": \"Lyon\", \"n\": \"8\"}'");
        bigquery.queries.clear();
        int pagesBefore =
                (int) bigquery.requests.stream().filter(r -> r.contains("/data?")).count();

        SyncService.Outcome outcome = sync("orders");

        assertThat(outcome.ok()).as(String.valueOf(outcome)).isTrue();
        assertThat(outcome.incremental()).isTrue();
        assertThat(bigquery.queries).singleElement().asString().contains("WHERE t.`at` >= @since");
        assertThat(bigquery.requests.stream().filter(r -> r.contains("/data?")).count())
                .as("no whole-table read")
                .isEqualTo(pagesBefore);
        assertThat(row("SELECT count(*) FROM orders").get(0)).isEqualTo(8L);
        assertThat(row("SELECT name FROM orders WHERE id = 6").get(0)).isEqualTo("changed");
        assertThat(row("SELECT name FROM orders WHERE id = 8").get(0)).isEqualTo("new");
    }

    @Test
    void a_refresh_by_key_reads_only_those_rows() throws Exception {
        bigquery.execute("UPDATE orders SET name = 'refreshed' WHERE id = 5");
        bigquery.queries.clear();

        SyncService.Outcome outcome = app.rowdesk().sync().refreshKeys("orders", List.of(5L));

        assertThat(outcome.ok()).as(String.valueOf(outcome)).isTrue();
        assertThat(bigquery.queries).singleElement().asString().contains("IN UNNEST(@keys)");
        assertThat(row("SELECT name FROM orders WHERE id = 5").get(0)).isEqualTo("refreshed");
    }
}
