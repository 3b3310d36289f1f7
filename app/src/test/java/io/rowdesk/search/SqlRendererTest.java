package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.cache.Snapshot;
import io.rowdesk.cache.SnapshotWriter;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.Condition.Operator;
import io.rowdesk.source.FileTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlRendererTest {
    @TempDir static Path dir;
    static QueryEngine engine;
    static RelationInfo orders;
    final SqlRenderer renderer = new SqlRenderer();

    @BeforeAll
    static void load() throws Exception {
        Path csv = dir.resolve("orders.csv");
        Files.writeString(
                csv,
                """
                order_id,status,amount,note,ordered_at
                1,pending,120.00,,2026-10-03 10:00:00
                2,paid,80.50,rush 50% off,2026-10-20 09:00:00
                3,pending,990.00,call_back,2026-11-02 12:00:00
                4,failed,15.00,,2026-11-10 08:00:00
                5,paid,990.00,ok,2026-09-30 23:59:59
                """);
        Path cache = dir.resolve("cache");
        Snapshot snapshot =
                new SnapshotWriter(cache, Clock.systemUTC())
                        .write(new FileTable("orders", "test", csv, FileTable.Format.CSV, "v1"));
        engine = new QueryEngine(cache, DuckDb.Limits.QUERY);
        engine.swap("orders", snapshot.file());
        orders = new RelationInfo("orders", "test", engine.columns("orders"), 5, false);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private List<List<Object>> run(QuerySpec spec) {
        RenderedSql sql = renderer.render(spec, orders, "order_id");
        return engine.query(sql.sql(), sql.params(), 100, Duration.ofSeconds(5)).rows();
    }

    private static QuerySpec where(Condition... conditions) {
        return new QuerySpec(
                "orders",
                List.of(conditions),
                List.of(new QuerySpec.Sort("order_id", false)),
                null,
                List.of(),
                List.of());
    }

    private static List<Object> ids(List<List<Object>> rows) {
        return rows.stream()
                .map(r -> ((Number) r.get(0)).longValue())
                .map(Object.class::cast)
                .toList();
    }

    @Test
    void comparisons_and_sets_bind_their_values() {
        assertThat(
                        ids(
                                run(
                                        where(
                                                new Condition.InSet(
                                                        "status",
                                                        List.of("pending"),
                                                        false,
                                                        "status is pending"),
                                                new Condition.Compare(
                                                        "amount",
                                                        Operator.GT,
                                                        new BigDecimal("500"),
                                                        "amount > 500")))))
                .containsExactly(3L);
        assertThat(
                        ids(
                                run(
                                        where(
                                                new Condition.InSet(
                                                        "status",
                                                        List.of("paid", "failed"),
                                                        true,
                                                        "not paid")))))
                .containsExactly(1L, 3L);
    }

    @Test
    void date_ranges_are_half_open() {
        var october =
                new Condition.Range(
                        "ordered_at",
                        LocalDateTime.of(2026, 10, 1, 0, 0),
                        LocalDateTime.of(2026, 11, 1, 0, 0),
                        false,
                        "ordered in Oct 2026");
        assertThat(ids(run(where(october)))).containsExactly(1L, 2L);
    }

    @Test
    void text_matching_is_case_insensitive_and_escapes_wildcards() {
        assertThat(
                        ids(
                                run(
                                        where(
                                                new Condition.Text(
                                                        "note",
                                                        Condition.Text.Mode.CONTAINS,
                                                        "50%",
                                                        false,
                                                        "")))))
                .containsExactly(2L);
        assertThat(
                        ids(
                                run(
                                        where(
                                                new Condition.Text(
                                                        "note",
                                                        Condition.Text.Mode.CONTAINS,
                                                        "_",
                                                        false,
                                                        "")))))
                .containsExactly(3L);
        assertThat(
                        ids(
                                run(
                                        where(
                                                new Condition.Text(
                                                        "status",
                                                        Condition.Text.Mode.STARTS_WITH,
                                                        "PEN",
                                                        false,
                                                        "")))))
                .containsExactly(1L, 3L);
    }

    @Test
    void nulls_and_alternatives() {
        assertThat(ids(run(where(new Condition.IsNull("note", true, "without a note")))))
                .containsExactly(1L, 4L);
        assertThat(
                        ids(
                                run(
                                        where(
                                                new Condition.AnyOf(
                                                        List.of(
                                                                new Condition.InSet(
                                                                        "status",
                                                                        List.of("failed"),
                                                                        false,
                                                                        ""),
                                                                new Condition.Compare(
                                                                        "amount",
                                                                        Operator.GE,
                                                                        new BigDecimal("990"),
                                                                        "")),
                                                        "either")))))
                .containsExactly(3L, 4L, 5L);
    }

    @Test
    void top_n_breaks_ties_by_the_key() {
        QuerySpec top =
                new QuerySpec(
                        "orders",
                        List.of(),
                        List.of(new QuerySpec.Sort("amount", true)),
                        2,
                        List.of(),
                        List.of());
        assertThat(renderer.render(top, orders, "order_id").sql())
                .isEqualTo(
                        "SELECT * FROM \"orders\" ORDER BY \"amount\" DESC NULLS LAST, \"order_id\" LIMIT ?");
        assertThat(ids(run(top))).containsExactly(3L, 5L);
    }

    @Test
    void aggregates_group_and_order_by_their_outputs() {
        QuerySpec byStatus =
                new QuerySpec(
                        "orders",
                        List.of(),
                        List.of(new QuerySpec.Sort("sum_amount", true)),
                        null,
                        List.of(new QuerySpec.Group("status", null)),
                        List.of(
                                new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null),
                                new QuerySpec.Aggregate(
                                        QuerySpec.Aggregate.Function.SUM, "amount")));
        List<List<Object>> rows = run(byStatus);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0))
                .containsExactly("pending", 2L, 1110.0); // the CSV reader typed amount as DOUBLE
        QuerySpec byMonth =
                new QuerySpec(
                        "orders",
                        List.of(),
                        List.of(),
                        null,
                        List.of(new QuerySpec.Group("ordered_at", QuerySpec.Group.DateGrain.MONTH)),
                        List.of(new QuerySpec.Aggregate(QuerySpec.Aggregate.Function.COUNT, null)));
        assertThat(run(byMonth)).extracting(r -> r.get(1)).containsExactly(1L, 2L, 2L);
    }

    @Test
    void unknown_columns_are_refused_not_spliced() {
        QuerySpec evil = where(new Condition.Compare("amount\" OR 1=1 --", Operator.EQ, 1, ""));
        assertThatThrownBy(() -> renderer.render(evil, orders, "order_id"))
                .isInstanceOf(SqlRenderer.InvalidSpecException.class)
                .hasMessageContaining("unknown column");
    }
}
