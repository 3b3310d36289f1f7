package io.rowdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.auth.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path tempDir;

    private final ConfigLoader loader = new ConfigLoader(Map.of("PG_PASSWORD", "s3cret"));

    @Test
    void an_empty_file_gives_the_documented_defaults() {
        RowdeskConfig config = loader.parse("", "test");
        assertThat(config.server().port()).isEqualTo(7070);
        assertThat(config.server().dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.server().timezone()).isEqualTo(ZoneId.of("Z"));
        assertThat(config.demo().enabled()).isFalse();
        assertThat(config.demo().seed()).isEqualTo(42);
        assertThat(config.demo().scale()).isEqualTo(1.0);
        assertThat(config.demo().asOf()).isNull();
        assertThat(config.llm().provider()).isEqualTo(LlmConfig.Provider.NONE);
        assertThat(config.auth().adminEmail()).isEqualTo("admin@localhost");
        assertThat(config.auth().sessionTtl().toHours()).isEqualTo(12);
        assertThat(config.relation("anything").visibleTo(Role.VIEWER)).isTrue();
        assertThat(config.search())
                .isEqualTo(new SearchConfig(java.time.Duration.ofSeconds(10), 10_000, 200));
        assertThat(config.server().memoryBytes())
                .isEqualTo(ServerConfig.DEFAULT_MEMORY_BYTES)
                .isBetween(256L << 20, 1L << 30);
        assertThat(config.grid().orderingsDiskBytes()).isEqualTo(10L << 30);
    }

    @Test
    void the_query_memory_and_the_orderings_disk_budget_are_sizes() {
        RowdeskConfig config =
                loader.parse(
                        """
                server:
                  memory: 1.5GB
                grid:
                  orderings_disk: 512MB
                """,
                        "test");
        assertThat(config.server().memoryBytes()).isEqualTo(3L << 29);
        assertThat(config.grid().orderingsDiskBytes()).isEqualTo(512L << 20);
        assertThat(loader.parse("server:\n  memory: 10%\n", "test").server().memoryBytes())
                .isEqualTo(io.rowdesk.config.ByteSizes.physicalMemory() / 10);
        assertThatThrownBy(() -> loader.parse("server:\n  memory: lots\n", "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.memory (line 2): must be a size such as 512MB");
    }

    @Test
    void search_limits_are_configurable_and_checked() {
        RowdeskConfig config =
                loader.parse(
                        "search:\n  query_timeout_seconds: 3\n  max_rows: 500\n  profile_value_limit: 50\n",
                        "f");
        assertThat(config.search())
                .isEqualTo(new SearchConfig(java.time.Duration.ofSeconds(3), 500, 50));
        assertThatThrownBy(() -> loader.parse("search:\n  max_rows: 0\n", "f"))
                .hasMessageContaining(
                        "search.max_rows (line 2): must be a whole number from 1 to 1000000");
    }

    @Test
    void a_full_file_is_read_into_typed_sections() {
        RowdeskConfig config =
                loader.parse(
                        """
                server:
                  port: 8080
                  data_dir: /srv/rowdesk
                  timezone: Europe/Paris
                demo: {enabled: true, seed: 7, scale: 0.5, as_of: 2026-01-31}
                sources:
                  - name: files
                    kind: files
                    path: exports
                    tables: [orders]
                views:
                  - name: big_orders
                    sql: SELECT * FROM orders WHERE amount > 100
                relations:
                  orders:
                    roles: [builder]
                    key_column: order_id
                    date_column: ordered_at
                    synonyms:
                      relation: [sales]
                      columns: {amount: [total, value]}
                      values: {status: {pending: [open, waiting]}}
                llm:
                  provider: openai
                  model: gpt-test
                  base_url: http://127.0.0.1:9999/v1
                  api_key: ${PG_PASSWORD}
                auth:
                  session_hours: 8
                """,
                        "test");
        assertThat(config.server())
                .isEqualTo(
                        new ServerConfig(8080, Path.of("/srv/rowdesk"), ZoneId.of("Europe/Paris")));
        assertThat(config.demo())
                .isEqualTo(new DemoConfig(true, 7, 0.5, LocalDate.of(2026, 1, 31)));
        assertThat(config.sources())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.kind()).isEqualTo(SourceConfig.Kind.FILES);
                            assertThat(s.resolvedPath(Path.of("/data")))
                                    .isEqualTo(Path.of("/data/exports"));
                            assertThat(s.tables()).containsExactly("orders");
                        });
        RelationConfig orders = config.relation("orders");
        assertThat(orders.visibleTo(Role.VIEWER)).isFalse();
        assertThat(orders.visibleTo(Role.BUILDER)).isTrue();
        assertThat(orders.visibleTo(Role.ADMIN)).as("admins see every relation").isTrue();
        assertThat(orders.columnSynonyms())
                .containsEntry("amount", java.util.List.of("total", "value"));
        assertThat(orders.valueSynonyms().get("status"))
                .containsEntry("pending", java.util.List.of("open", "waiting"));
        assertThat(config.llm().apiKey()).isEqualTo("s3cret");
        assertThat(config.llm().toString()).doesNotContain("s3cret");
        assertThat(config.auth().sessionTtl().toHours()).isEqualTo(8);
    }

    @Test
    void every_problem_names_the_key_and_line_and_what_is_allowed() {
        assertThatThrownBy(
                        () ->
                                loader.parse(
                                        """
                server:
                  port: seventy
                  timezone: Mars/Olympus
                sources:
                  - name: app
                    kind: mysql
                    path: x
                relatoins: {}
                """,
                                        "rowdesk.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(
                        e ->
                                assertThat(((ConfigException) e).problems())
                                        .containsExactlyInAnyOrder(
                                                "server.port (line 2): must be a whole number from 0 to 65535, got 'seventy'",
                                                "server.timezone (line 3): must be a time zone such as UTC or Europe/Paris, got 'Mars/Olympus'",
                                                "sources[0].kind (line 6): must be one of [files, postgres, bigquery], got 'mysql'",
                                                "relatoins (line 8): unknown key; allowed here: server, demo, sources, views, relations, llm, search, actions, auth, grid"))
                .hasMessageContaining("rowdesk.yaml has 4 problems");
    }

    @Test
    void a_missing_environment_variable_is_named() {
        assertThatThrownBy(
                        () ->
                                loader.parse(
                                        "llm:\n  provider: openai\n  model: m\n  api_key: ${OPENAI_KEY}\n",
                                        "f"))
                .hasMessageContaining(
                        "llm.api_key (line 4): environment variable OPENAI_KEY is not set");
    }

    @Test
    void secrets_can_come_from_a_file(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("key.txt");
        Files.writeString(secret, "from-file\n");
        RowdeskConfig config =
                loader.parse(
                        "llm:\n  provider: ollama\n  model: m\n  api_key: ${file:" + secret + "}\n",
                        "f");
        assertThat(config.llm().apiKey()).isEqualTo("from-file");
    }

    @Test
    void invalid_yaml_is_reported_without_a_stack_trace() {
        assertThatThrownBy(() -> loader.parse("server: [unclosed\n", "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    void relation_names_are_unique_across_sources_and_views() {
        assertThatThrownBy(
                        () ->
                                loader.parse(
                                        """
                sources:
                  - {name: a, kind: files, path: a, tables: [orders]}
                  - {name: b, kind: files, path: b, tables: [orders]}
                views:
                  - {name: orders, sql: SELECT 1}
                """,
                                        "f"))
                .hasMessageContaining("relation 'orders' is defined twice");
    }

    @Test
    void a_view_needs_exactly_one_of_sql_and_sql_file() {
        assertThatThrownBy(() -> loader.parse("views:\n  - name: v\n", "f"))
                .hasMessageContaining("views[0] (line 2): give exactly one of sql");
    }

    @Test
    void the_documented_example_file_is_valid() {
        RowdeskConfig example = loader.load(Path.of("docs", "rowdesk.example.yaml"));
        assertThat(example.sources()).extracting(SourceConfig::name).containsExactly("exports");
        assertThat(example.relation("orders").visibleTo(Role.VIEWER)).isFalse();
        assertThat(example.server().port()).isEqualTo(7070);
    }

    @Test
    void the_built_in_demo_configuration_is_valid() {
        RowdeskConfig demo = loader.demo();
        assertThat(demo.demo().enabled()).isTrue();
        assertThat(demo.sources())
                .extracting(SourceConfig::name)
                .containsExactly("app", "warehouse");
        assertThat(demo.views()).extracting(ViewConfig::name).containsExactly("payout_review");
        assertThat(demo.relation("lead_events").keyColumn()).isEqualTo("event_id");
        assertThat(demo.relation("payouts").dateColumn()).isEqualTo("requested_at");
    }

    @Test
    void a_file_entry_with_a_demo_name_replaces_the_demo_entry_and_a_new_name_adds_one()
            throws IOException {
        Path file =
                write(
                        """
                        sources:
                          - {name: app, kind: files, path: elsewhere/app}
                          - {name: crm, kind: files, path: crm}
                        views:
                          - {name: payout_review, sql: "SELECT * FROM payouts"}
                        relations:
                          payouts: {key_column: payout_id}
                        """);
        RowdeskConfig merged = loader.loadWithDemo(file);
        assertThat(merged.sources())
                .extracting(SourceConfig::name)
                .containsExactly("app", "warehouse", "crm");
        assertThat(merged.sources().get(0).path()).isEqualTo(Path.of("elsewhere/app"));
        assertThat(merged.views()).hasSize(1);
        assertThat(merged.views().get(0).sql()).isEqualTo("SELECT * FROM payouts");
        assertThat(merged.relation("payouts").synonyms())
                .as("the file's entry replaces the demo's whole")
                .isEmpty();
        assertThat(merged.relation("lead_events").keyColumn()).isEqualTo("event_id");
    }

    @Test
    void server_settings_merge_key_by_key() throws IOException {
        Path file = write("server:\n  timezone: Europe/Paris\n");
        RowdeskConfig merged = loader.loadWithDemo(file);
        assertThat(merged.server().timezone().getId()).isEqualTo("Europe/Paris");
        assertThat(merged.server().port()).isEqualTo(ServerConfig.DEFAULT_PORT);
        assertThat(merged.demo().enabled()).isTrue();
    }

    @Test
    void a_mistake_in_the_merged_file_is_reported_with_its_own_line() throws IOException {
        Path file = write("sources:\n  - name: app\n    kind: mysql\n");
        assertThatThrownBy(() -> loader.loadWithDemo(file))
                .hasMessageContaining("sources[0].kind (line 3)")
                .hasMessageContaining(file.toString());
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(tempDir, "extra", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
