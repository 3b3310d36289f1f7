package io.rowdesk.search.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.query.Column;
import io.rowdesk.query.QueryResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionMatchTest {

    private static QueryResult result(Object[]... rows) {
        int width = rows.length == 0 ? 1 : rows[0].length;
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add(new Column("c" + i, "VARCHAR"));
        }
        List<List<Object>> list = new ArrayList<>();
        for (Object[] row : rows) {
            list.add(Arrays.asList(row));
        }
        return new QueryResult(columns, list, false);
    }

    private static Object[] row(Object... values) {
        return values;
    }

    @Test
    void sameRowsInAnotherOrderMatchAsMultisets() {
        QueryResult gold = result(row("paid", 3L), row("pending", 1L));
        QueryResult actual = result(row("pending", 1L), row("paid", 3L));
        assertThat(
                        ExecutionMatch.matches(
                                gold,
                                actual,
                                "SELECT status, count(*) FROM payouts GROUP BY status"))
                .isTrue();
    }

    @Test
    void duplicatesCount() {
        QueryResult gold = result(row("a"), row("a"), row("b"));
        assertThat(ExecutionMatch.matches(gold, result(row("a"), row("b"), row("b")), false))
                .isFalse();
        assertThat(ExecutionMatch.matches(gold, result(row("b"), row("a"), row("a")), false))
                .isTrue();
        assertThat(ExecutionMatch.matches(gold, result(row("a"), row("b")), false)).isFalse();
    }

    @Test
    void orderMattersOnlyWithOrderByLimit() {
        QueryResult gold = result(row(1L), row(2L));
        QueryResult reversed = result(row(2L), row(1L));
        assertThat(
                        ExecutionMatch.matches(
                                gold,
                                reversed,
                                "SELECT * FROM payouts ORDER BY amount DESC, payout_id LIMIT 2"))
                .isFalse();
        assertThat(
                        ExecutionMatch.matches(
                                gold,
                                reversed,
                                "SELECT * FROM payouts WHERE status = 'pending' ORDER BY requested_at ASC, payout_id"))
                .isTrue();
        assertThat(ExecutionMatch.matches(gold, reversed, "SELECT * FROM payouts")).isTrue();
    }

    @Test
    void detectsOrderByLimit() {
        assertThat(ExecutionMatch.isOrderedLimit("SELECT * FROM t ORDER BY a DESC, id LIMIT 10"))
                .isTrue();
        assertThat(ExecutionMatch.isOrderedLimit("select * from t\norder by a\nlimit 5;")).isTrue();
        assertThat(ExecutionMatch.isOrderedLimit("SELECT * FROM t LIMIT 10")).isFalse();
        assertThat(ExecutionMatch.isOrderedLimit("SELECT * FROM t ORDER BY a")).isFalse();
    }

    @Test
    void numbersCompareNumericallyAcrossTypes() {
        assertThat(ExecutionMatch.valueEquals(new BigDecimal("500.00"), 500L)).isTrue();
        assertThat(ExecutionMatch.valueEquals(500, new BigDecimal("500"))).isTrue();
        assertThat(
                        ExecutionMatch.valueEquals(
                                319.2684078643022, new BigDecimal("319.268407864302")))
                .isTrue();
        assertThat(ExecutionMatch.valueEquals(1e9, 1_000_000_000.0001)).isTrue();
        assertThat(ExecutionMatch.valueEquals(new BigDecimal("500.01"), 500L)).isFalse();
        assertThat(ExecutionMatch.valueEquals(0.0, 0.001)).isFalse();
        assertThat(ExecutionMatch.valueEquals(5L, "5")).isFalse();
    }

    @Test
    void numbersWithinToleranceMatchAsMultisets() {
        QueryResult gold =
                result(
                        row("paypal", new BigDecimal("172.4267")),
                        row("venmo", new BigDecimal("221.8469")));
        QueryResult actual = result(row("venmo", 221.84690000001), row("paypal", 172.42670000001));
        assertThat(ExecutionMatch.matches(gold, actual, false)).isTrue();
    }

    @Test
    void timestampsCompareAsStrings() {
        assertThat(
                        ExecutionMatch.valueEquals(
                                LocalDateTime.of(2026, 11, 19, 9, 47),
                                java.sql.Timestamp.valueOf("2026-11-19 09:47:00")))
                .isTrue();
        assertThat(
                        ExecutionMatch.valueEquals(
                                LocalDateTime.of(2026, 11, 19, 9, 47, 35), "2026-11-19 09:47:35"))
                .isTrue();
        assertThat(ExecutionMatch.valueEquals(LocalDate.of(2026, 11, 19), "2026-11-19")).isTrue();
        assertThat(
                        ExecutionMatch.valueEquals(
                                LocalDateTime.of(2026, 11, 19, 9, 47, 35),
                                LocalDateTime.of(2026, 11, 19, 9, 47, 36)))
                .isFalse();
    }

    @Test
    void nullsMatchOnlyNulls() {
        QueryResult gold = result(row("a", null));
        assertThat(ExecutionMatch.matches(gold, result(row("a", null)), false)).isTrue();
        assertThat(ExecutionMatch.matches(gold, result(row("a", "null")), false)).isFalse();
        assertThat(ExecutionMatch.matches(gold, result(row("a", 0L)), false)).isFalse();
    }

    @Test
    void shapeMustAgree() {
        QueryResult gold = result(row("a", 1L));
        assertThat(ExecutionMatch.matches(gold, result(row("a")), false)).isFalse();
        assertThat(ExecutionMatch.matches(result(), result(), false)).isTrue();
        assertThat(ExecutionMatch.matches(gold, result(), false)).isFalse();
    }

    @Test
    void stringsAreCaseSensitive() {
        assertThat(ExecutionMatch.matches(result(row("Paid")), result(row("paid")), false))
                .isFalse();
    }
}
