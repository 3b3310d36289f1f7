package io.rowdesk.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnProfilesTest {
    @TempDir static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dataDir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, ColumnProfile> profiles(String relation) {
        return app.rowdesk().profiles().forRelation(relation).stream()
                .collect(Collectors.toMap(ColumnProfile::column, p -> p));
    }

    @Test
    void every_relation_and_view_is_profiled_column_by_column() {
        for (var relation : app.rowdesk().catalog().all()) {
            List<ColumnProfile> stored = app.rowdesk().profiles().forRelation(relation.name());
            assertThat(stored).as(relation.name()).hasSameSizeAs(relation.columns());
            assertThat(stored)
                    .allSatisfy(p -> assertThat(p.rowCount()).isEqualTo(relation.rowCount()));
        }
    }

    @Test
    void low_cardinality_text_columns_list_their_values_with_counts() {
        ColumnProfile status = profiles("payouts").get("status");
        assertThat(status.lowCardinality()).isTrue();
        assertThat(status.values())
                .extracting(ColumnProfile.ValueCount::value)
                .containsExactlyInAnyOrder("pending", "approved", "rejected", "paid", "failed");
        assertThat(status.values().stream().mapToLong(ColumnProfile.ValueCount::count).sum())
                .isEqualTo(600);
        assertThat(profiles("referrers").get("email").lowCardinality())
                .as("200 distinct emails is over no limit at this scale")
                .isEqualTo(
                        profiles("referrers").get("email").distinctCount()
                                <= io.rowdesk.config.SearchConfig.DEFAULT.profileValueLimit());
    }

    @Test
    void nulls_ranges_and_distinct_counts_are_measured() {
        ColumnProfile phone = profiles("referrers").get("phone");
        assertThat(phone.nullFraction()).isBetween(0.05, 0.30);
        ColumnProfile amount = profiles("payouts").get("amount");
        assertThat(amount.lowCardinality()).isFalse();
        assertThat(Double.parseDouble(amount.min())).isGreaterThanOrEqualTo(25.0);
        assertThat(Double.parseDouble(amount.max())).isLessThanOrEqualTo(2500.0);
        assertThat(profiles("payouts").get("payout_id").distinctCount()).isEqualTo(600);
    }
}
