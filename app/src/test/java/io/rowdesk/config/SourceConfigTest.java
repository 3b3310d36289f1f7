package io.rowdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceConfigTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("PGPASSWORD", "s3cret"));

    @Test
    void the_issue_config_shape_reads_as_a_postgres_source() {
        RowdeskConfig config =
                loader.parse(
                        """
                        sources:
                          - name: pgbar
                            kind: postgres
                            host: 127.0.0.1
                            port: 5432
                            database: rowdesk_bar
                            user: postgres
                            password: ${PGPASSWORD}
                            tables: [events]
                        """,
                        "test");
        SourceConfig source = config.sources().get(0);
        assertThat(source.kind()).isEqualTo(SourceConfig.Kind.POSTGRES);
        assertThat(source.tables()).containsExactly("events");
        assertThat(source.postgres().password()).isEqualTo("s3cret");
        assertThat(source.postgres().schema()).isEqualTo("public");
        assertThat(source.postgres().sslmode()).isEqualTo("prefer");
        assertThat(source.refresh()).isNull();
        assertThat(source.fullRefresh()).isEqualTo(SourceConfig.DEFAULT_FULL_REFRESH);
        assertThat(source.postgres().toString()).doesNotContain("s3cret");
    }

    @Test
    void table_entries_are_names_or_mappings_and_refresh_is_a_duration() {
        RowdeskConfig config =
                loader.parse(
                        """
                        sources:
                          - name: pg
                            kind: postgres
                            host: db
                            database: app
                            user: reader
                            refresh: 15m
                            full_refresh: 1d
                            tables:
                              - partners
                              - {name: payouts, key: payout_id, cursor: updated_at}
                              - name: big_payouts
                                query: SELECT * FROM payouts WHERE amount > 1000
                        """,
                        "test");
        SourceConfig source = config.sources().get(0);
        assertThat(source.refresh()).isEqualTo(Duration.ofMinutes(15));
        assertThat(source.fullRefresh()).isEqualTo(Duration.ofDays(1));
        assertThat(source.tableConfigs())
                .containsExactly(
                        SourceConfig.TableConfig.named("partners"),
                        new SourceConfig.TableConfig(
                                "payouts", "payout_id", "updated_at", null, null),
                        new SourceConfig.TableConfig(
                                "big_payouts",
                                null,
                                null,
                                "SELECT * FROM payouts WHERE amount > 1000",
                                null));
    }

    @Test
    void raw_jdbc_urls_and_class_loading_driver_properties_are_refused() {
        assertThatThrownBy(
                        () ->
                                loader.parse(
                                        """
                                        sources:
                                          - name: pg
                                            kind: postgres
                                            url: jdbc:postgresql://db/app?socketFactory=x.Evil
                                            host: db
                                            database: app
                                            user: reader
                                            properties:
                                              socketFactory: com.example.Evil
                                              sslfactory: com.example.Evil
                                              authenticationPluginClassName: com.example.Evil
                                              connectTimeout: "5"
                                        """,
                                        "test"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources[0].url")
                .hasMessageContaining("raw JDBC URLs are refused")
                .hasMessageContaining("driver property 'socketFactory' is refused")
                .hasMessageContaining("driver property 'sslfactory' is refused")
                .hasMessageContaining("driver property 'authenticationPluginClassName' is refused")
                .hasMessageNotContaining("connectTimeout");
    }

    @Test
    void a_cursor_without_a_key_and_a_bad_duration_are_named() {
        assertThatThrownBy(
                        () ->
                                loader.parse(
                                        """
                                        sources:
                                          - name: pg
                                            kind: postgres
                                            host: db
                                            database: app
                                            user: reader
                                            refresh: often
                                            tables:
                                              - {name: payouts, cursor: updated_at}
                                        """,
                                        "test"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources[0].refresh")
                .hasMessageContaining("15m")
                .hasMessageContaining("sources[0].tables[0].cursor")
                .hasMessageContaining("needs key");
    }
}
