package io.rowdesk.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.cache.SourceStatus;
import io.rowdesk.cache.TableStatus;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.web.GridController;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of files with every DuckDB type, JSON and NDJSON files, a glob, and one file that cannot
 * be read: the server starts, serves and profiles the readable ones, and reports the broken one.
 */
class FileSourceTypesTest {
    @TempDir static Path dataDir;
    static TestApp app;
    static TestHttp http;

    static final String EVERY_TYPE =
            """
            SELECT 1 AS id,
                   [1, 2, NULL]::INTEGER[] AS tags,
                   {'city': 'Lyon', 'zip': [69001, 69002]} AS address,
                   MAP {'plan': 'pro', 'seats': '12'} AS attributes,
                   '{"source": "ads", "score": 0.5}'::JSON AS meta,
                   '\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\x09\\x0A\\x0B\\x0C'::BLOB AS payload,
                   '6f1c2d1e-2b7c-4a4b-9c5b-0c1d2e3f4a5b'::UUID AS ref,
                   INTERVAL '1 year 2 days 03:04:05' AS wait,
                   12345678901234567890123456789.123456789::DECIMAL(38,9) AS big_amount,
                   170141183460469231731687303715884105727::HUGEINT AS huge,
                   TIMESTAMPTZ '2026-11-20 10:00:00+00' AS seen_at
            UNION ALL
            SELECT 2, [], {'city': NULL, 'zip': NULL}, MAP {}, 'null'::JSON, ''::BLOB, NULL,
                   NULL, -1.5, -1, NULL
            """;

    @BeforeAll
    static void start() throws Exception {
        Path files = Files.createDirectories(dataDir.resolve("files"));
        Files.createDirectories(files.resolve("parts"));
        try (Connection duck = DuckDb.open(null, DuckDb.Limits.STATE)) {
            DuckDb.execute(
                    duck,
                    "COPY ("
                            + EVERY_TYPE
                            + ") TO '"
                            + files.resolve("every_type.parquet")
                            + "' (FORMAT parquet)");
            for (int part = 1; part <= 3; part++) {
                DuckDb.execute(
                        duck,
                        "COPY (SELECT range AS n, 'part"
                                + part
                                + "' AS part FROM range("
                                + part * 10
                                + ")) TO '"
                                + files.resolve("parts/clicks-" + part + ".parquet")
                                + "' (FORMAT parquet)");
            }
        }
        Files.writeString(
                files.resolve("events.ndjson"),
                "{\"id\": 1, \"kind\": \"open\", \"tags\": [\"a\", \"b\"]}\n"
                        + "{\"id\": 2, \"kind\": \"close\", \"tags\": []}\n");
        Files.writeString(
                files.resolve("plans.json"),
                "[{\"plan\": \"pro\", \"limits\": {\"seats\": 12}}, {\"plan\": \"free\", \"limits\": {\"seats\": 1}}]");
        Files.write(files.resolve("broken.parquet"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Path config = dataDir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                """
                sources:
                  - name: files
                    kind: files
                    path: files
                  - name: clicks_src
                    kind: files
                    path: files
                    tables:
                      - name: clicks
                        path: parts/clicks-*.parquet
                """
                        .replace(
                                "files\n                    kind: files\n                    path: files\n                  - name",
                                "files\n                    kind: files\n                    path: files\n                  - name"));
        app = TestApp.withoutDemo(dataDir, config);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static JsonNode rows(String relation) {
        HttpResponse<String> response =
                http.getWithToken(
                        GridController.rowsPath(relation) + "?sort=id", app.token(Role.ADMIN));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestHttp.json(response);
    }

    @Test
    void a_file_that_cannot_be_read_is_marked_failed_while_the_others_serve() {
        assertThat(app.rowdesk().catalog().all().stream().map(r -> r.name()))
                .contains("every_type", "events", "plans", "clicks")
                .doesNotContain("broken");
        TableStatus broken =
                app.rowdesk().sync().status().stream()
                        .flatMap(s -> s.tables().stream())
                        .filter(t -> t.relation().equals("broken"))
                        .findFirst()
                        .orElseThrow();
        assertThat(broken.state()).isEqualTo(TableStatus.State.FAILED);
        assertThat(broken.lastError()).contains("broken");
    }

    @Test
    void nested_values_answer_as_json_and_blobs_as_their_length_and_bytes() {
        JsonNode first = rows("every_type").get("rows").get(0);
        List<String> names = rows("every_type").get("columns").findValuesAsText("name");
        Map<String, JsonNode> row =
                names.stream().collect(Collectors.toMap(n -> n, n -> first.get(names.indexOf(n))));
        assertThat(row.get("tags").isArray()).isTrue();
        assertThat(row.get("tags").toString()).isEqualTo("[1,2,null]");
        assertThat(row.get("address").toString())
                .isEqualTo("{\"city\":\"Lyon\",\"zip\":[69001,69002]}");
        assertThat(row.get("attributes").toString())
                .isEqualTo("{\"plan\":\"pro\",\"seats\":\"12\"}");
        assertThat(row.get("meta").toString()).isEqualTo("{\"source\":\"ads\",\"score\":0.5}");
        assertThat(row.get("payload").asText()).isEqualTo("12 bytes 0x0102030405060708090a0b0c");
        assertThat(row.get("ref").asText()).isEqualTo("6f1c2d1e-2b7c-4a4b-9c5b-0c1d2e3f4a5b");
        assertThat(row.get("wait").asText()).isEqualTo("1 year 2 days 03:04:05");
        assertThat(row.get("big_amount").asText())
                .isEqualTo("12345678901234567890123456789.123456789");
        // Parquet has no 128-bit integer: DuckDB writes HUGEINT as a double there
        assertThat(row.get("huge").asDouble()).isEqualTo(1.7014118346046923E38);
        assertThat(row.get("seen_at").asText()).startsWith("2026-11-20T");
    }

    @Test
    void the_csv_export_writes_nested_values_as_json_and_blobs_as_their_description() {
        HttpResponse<String> response =
                http.getWithToken(
                        GridController.exportPath("every_type") + "?sort=id",
                        app.token(Role.ADMIN));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"[1,2,null]\"")
                .contains("12 bytes 0x0102030405060708090a0b0c")
                .contains("\"{\"\"plan\"\":\"\"pro\"\",\"\"seats\"\":\"\"12\"\"}\"")
                .doesNotContain("DuckDB")
                .doesNotContain("org.duckdb");
    }

    @Test
    void every_column_of_every_type_is_profiled() {
        List<ColumnProfile> profiles = app.rowdesk().profiles().forRelation("every_type");
        assertThat(profiles).hasSize(11);
        assertThat(profiles).allSatisfy(p -> assertThat(p.rowCount()).isEqualTo(2));
        Map<String, ColumnProfile> byName =
                profiles.stream().collect(Collectors.toMap(ColumnProfile::column, p -> p));
        assertThat(byName.get("tags").distinctCount()).isEqualTo(2);
        assertThat(byName.get("ref").nullFraction()).isEqualTo(0.5);
        assertThat(byName.get("big_amount").max())
                .isEqualTo("12345678901234567890123456789.123456789");
    }

    @Test
    void hugeint_and_decimal_38_answer_exactly_as_strings() {
        var result =
                app.rowdesk()
                        .engine()
                        .query(
                                "SELECT 170141183460469231731687303715884105727::HUGEINT AS h,"
                                        + " 0.1::DECIMAL(38,1) AS small, 12345678901234567890::DECIMAL(38,0) AS d",
                                List.of(),
                                1,
                                java.time.Duration.ofSeconds(5));
        List<Object> json = io.rowdesk.web.ResultJson.rows(result).get(0);
        assertThat(json.get(0)).isEqualTo("170141183460469231731687303715884105727");
        assertThat(json.get(1)).isEqualTo(new java.math.BigDecimal("0.1"));
        assertThat(json.get(2)).isEqualTo("12345678901234567890");
    }

    @Test
    void json_and_ndjson_files_and_a_glob_of_files_load_as_relations() {
        JsonNode events = rows("events");
        assertThat(events.get("total").asLong()).isEqualTo(2);
        assertThat(events.get("rows").get(0).toString()).contains("[\"a\",\"b\"]");
        assertThat(
                        app.rowdesk().catalog().all().stream()
                                .filter(r -> r.name().equals("plans"))
                                .findFirst()
                                .orElseThrow()
                                .rowCount())
                .isEqualTo(2);
        assertThat(app.rowdesk().engine().count("clicks")).isEqualTo(10 + 20 + 30);
        SourceStatus clicks =
                app.rowdesk().sync().status().stream()
                        .filter(s -> s.name().equals("clicks_src"))
                        .findFirst()
                        .orElseThrow();
        assertThat(clicks.tables())
                .extracting(TableStatus::state)
                .containsOnly(TableStatus.State.OK);
    }
}
