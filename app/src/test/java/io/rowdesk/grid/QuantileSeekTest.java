package io.rowdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows from the quantile seek equal {@code ORDER BY <sort>, <key> NULLS LAST LIMIT n OFFSET k}
 * at random (seeded) offsets. The seek is called directly (no ordering snapshot involved), with a
 * small leaf size so that 60k rows are cut several levels deep: on the next sort column inside a
 * bin of one value, and on finer quantiles inside a wide range.
 */
class QuantileSeekTest {
    static final long ROWS = 60_000;
    static final int LIMIT = 100;

    @TempDir static Path dir;
    static GridFixture fixture;
    static QuantileSeek seek;
    static RelationInfo events;
    static RelationInfo dups;

    /**
     * id is the key. grp: 5 values and NULL (low cardinality); heavy: 0 in 60% of the rows, NULL in
     * 5%, a long tail otherwise (skewed); score 0..9 and NULL; amount a DECIMAL with NULLs; name a
     * VARCHAR with many values and NULLs; happened_at follows id with ties (clustered).
     */
    static String select(long rows) {
        return "SELECT i::BIGINT AS id,"
                + " CASE WHEN hash(i, 'g') % 7 = 0 THEN NULL"
                + "      ELSE ['alpha','beta','gamma','delta','epsilon'][(hash(i, 'g') % 5 + 1)::INTEGER] END AS grp,"
                + " CASE WHEN hash(i, 'h') % 100 < 60 THEN 0.0"
                + "      WHEN hash(i, 'h') % 100 < 65 THEN NULL"
                + "      ELSE exp((hash(i, 'x') % 1000) / 80.0) END AS heavy,"
                + " CASE WHEN hash(i, 's') % 9 = 0 THEN NULL ELSE (hash(i, 's') % 10)::INTEGER END AS score,"
                + " CASE WHEN hash(i, 'a') % 4 = 0 THEN NULL"
                + "      ELSE ((hash(i, 'a') % 100000) / 100.0)::DECIMAL(10,2) END AS amount,"
                + " CASE WHEN hash(i, 'n') % 10 = 0 THEN NULL ELSE 'n' || (hash(i, 'n') % 5000) END AS name,"
                + " TIMESTAMP '2026-01-01' + to_seconds((i / 3)::BIGINT) AS happened_at"
                + " FROM range("
                + rows
                + ") r(i)";
    }

    @BeforeAll
    static void load() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        events = fixture.load("events", select(ROWS));
        dups = fixture.load("dups", GridFixture.dupsSelect(8_000));
        seek = new QuantileSeek(fixture.engine, new SqlFiles(), 500);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static List<List<Object>> plain(
            RelationInfo relation, GridQuery query, long offset, int limit) {
        List<Object> params = new ArrayList<>(query.filter().params());
        params.add(limit);
        params.add(offset);
        return fixture.engine
                .query(
                        "SELECT * FROM "
                                + SqlIdentifiers.quoteIdentifier(relation.name())
                                + " "
                                + query.filter().where()
                                + " ORDER BY "
                                + SortKey.orderBy(query.sort())
                                + " LIMIT ? OFFSET ?",
                        params,
                        limit,
                        Duration.ofSeconds(60))
                .rows();
    }

    private static long count(RelationInfo relation, GridFilter filter) {
        return ((Number)
                        fixture.engine
                                .query(
                                        "SELECT count(*) FROM "
                                                + SqlIdentifiers.quoteIdentifier(relation.name())
                                                + " "
                                                + filter.where(),
                                        filter.params(),
                                        1,
                                        Duration.ofSeconds(60))
                                .rows()
                                .get(0)
                                .get(0))
                .longValue();
    }

    private static void assertSeekMatchesOffset(
            RelationInfo relation, String sort, GridFilter filter, long seed) {
        GridQuery query =
                fixture.grid.query(relation, SortKey.parse(sort, relation.columns()), filter);
        assertThat(QuantileSeek.supports(query, relation.columns())).isTrue();
        long total = count(relation, filter);
        long version = fixture.engine.version(relation.name());
        Random random = new Random(seed);
        List<Long> offsets = new ArrayList<>(List.of(0L, total - 1, total - LIMIT, total / 2));
        for (int i = 0; i < 8; i++) {
            offsets.add((long) random.nextInt((int) total));
        }
        for (long offset : offsets) {
            QuantileSeek.Result result =
                    seek.window(query, relation.columns(), version, offset, LIMIT);
            assertThat(result.total()).isEqualTo(total);
            assertThat(result.rows().rows())
                    .as(
                            "%s sorted by %s where '%s' at offset %d",
                            relation.name(), sort, filter.where(), offset)
                    .isEqualTo(plain(relation, query, offset, LIMIT));
        }
    }

    @Test
    void a_low_cardinality_first_key_is_cut_on_the_next_key_down_to_the_relation_key() {
        assertSeekMatchesOffset(events, "grp", GridFilter.NONE, 1);
        assertSeekMatchesOffset(events, "grp,-score", GridFilter.NONE, 2);
    }

    @Test
    void a_skewed_first_key_with_one_heavy_value_and_nulls_seeks_exactly() {
        assertSeekMatchesOffset(events, "heavy", GridFilter.NONE, 3);
        assertSeekMatchesOffset(events, "-heavy,name", GridFilter.NONE, 4);
    }

    @Test
    void descending_and_multi_column_sorts_with_ties_and_nulls_seek_exactly() {
        assertSeekMatchesOffset(events, "-amount", GridFilter.NONE, 5);
        assertSeekMatchesOffset(events, "-score,amount,-name", GridFilter.NONE, 6);
        assertSeekMatchesOffset(events, "-happened_at", GridFilter.NONE, 7);
        assertSeekMatchesOffset(events, "name,-happened_at", GridFilter.NONE, 8);
    }

    @Test
    void a_search_filter_combines_with_the_seek() {
        GridFilter filter =
                new GridFilter(
                        "WHERE score >= ? AND (grp IS NULL OR grp <> ?)", List.of(3, "beta"));
        assertSeekMatchesOffset(events, "grp,-amount", filter, 9);
        assertSeekMatchesOffset(events, "-heavy", filter, 10);
        assertSeekMatchesOffset(events, "happened_at", filter, 11);
    }

    @Test
    void a_relation_without_a_key_is_cut_on_all_its_columns_and_duplicates_are_kept() {
        assertSeekMatchesOffset(dups, "-b", GridFilter.NONE, 12);
    }

    @Test
    void windows_near_the_top_from_the_counted_bins_of_the_first_column_equal_a_top_n() {
        QuantileSeek fresh = new QuantileSeek(fixture.engine, new SqlFiles(), 20_000);
        for (String sort : List.of("grp,-score", "-happened_at", "-amount,name")) {
            GridQuery query =
                    fixture.grid.query(
                            events, SortKey.parse(sort, events.columns()), GridFilter.NONE);
            long version = fixture.engine.version("events");
            assertThat(fresh.fromCountedBins(query, events.columns(), version, 0, LIMIT))
                    .as("not counted yet")
                    .isNull();
            fresh.warm(
                    "events",
                    events.columns().stream()
                            .filter(c -> c.name().equals(query.sort().get(0).column()))
                            .findFirst()
                            .orElseThrow(),
                    events.columns(),
                    version);
            for (long offset : new long[] {0, 1, 250, 8_000, ROWS - 50}) {
                QuantileSeek.Result result =
                        fresh.fromCountedBins(query, events.columns(), version, offset, LIMIT);
                assertThat(result.total()).isEqualTo(ROWS);
                assertThat(result.rows().rows())
                        .as("%s at %d", sort, offset)
                        .isEqualTo(plain(events, query, offset, LIMIT));
            }
        }
    }

    @Test
    void a_first_bin_larger_than_a_leaf_is_left_to_the_top_n() {
        QuantileSeek fresh = new QuantileSeek(fixture.engine, new SqlFiles(), 20_000);
        GridQuery query =
                fixture.grid.query(
                        events, SortKey.parse("heavy", events.columns()), GridFilter.NONE);
        long version = fixture.engine.version("events");
        Column heavy =
                events.columns().stream()
                        .filter(c -> c.name().equals("heavy"))
                        .findFirst()
                        .orElseThrow();
        fresh.warm("events", heavy, events.columns(), version);
        // heavy = 0 holds 60% of the rows: the first window falls in that one bin
        assertThat(fresh.fromCountedBins(query, events.columns(), version, 0, LIMIT)).isNull();
    }

    private static Column column(RelationInfo relation, String name) {
        return relation.columns().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void one_scan_counts_the_next_level_under_every_value_of_a_column_with_few() {
        QuantileSeek fresh = new QuantileSeek(fixture.engine, new SqlFiles(), 2_000);
        long version = fixture.engine.version("events");
        GridQuery query =
                fixture.grid.query(
                        events, SortKey.parse("grp,-score", events.columns()), GridFilter.NONE);
        fresh.warm("events", column(events, "grp"), events.columns(), version);
        // grp = 'delta' (about 10k rows) is wider than a leaf: its score bins are not counted yet
        long inDelta = 3 * ROWS / 7 + 1_000;
        assertThat(fresh.fromCountedBins(query, events.columns(), version, inDelta, LIMIT))
                .isNull();
        // a deep window under grp = 'alpha' counts score under every grp value in its scan
        fresh.window(query, events.columns(), version, 1_000, LIMIT);
        QuantileSeek.Result delta =
                fresh.fromCountedBins(query, events.columns(), version, inDelta, LIMIT);
        assertThat(delta).as("counted with alpha's level").isNotNull();
        assertThat(delta.rows().rows()).isEqualTo(plain(events, query, inDelta, LIMIT));
    }

    @Test
    void after_the_deeper_warm_up_two_column_sorts_are_answered_from_counts_alone() {
        QuantileSeek fresh = new QuantileSeek(fixture.engine, new SqlFiles(), 2_000);
        long version = fixture.engine.version("events");
        for (Column column : events.columns()) {
            fresh.warm("events", column, events.columns(), version);
        }
        fresh.warmDeeper("events", events.columns(), "id", version);
        Random random = new Random(13);
        for (String sort : List.of("-amount", "grp,-amount", "score,name", "-grp,happened_at")) {
            GridQuery query =
                    fixture.grid.query(
                            events, SortKey.parse(sort, events.columns()), GridFilter.NONE);
            List<Long> offsets = new ArrayList<>(List.of(0L, ROWS - LIMIT, ROWS - 1));
            for (int i = 0; i < 6; i++) {
                offsets.add((long) random.nextInt((int) ROWS));
            }
            for (long offset : offsets) {
                QuantileSeek.Result result =
                        fresh.fromCountedBins(query, events.columns(), version, offset, LIMIT);
                assertThat(result)
                        .as("%s at %d answered without a count", sort, offset)
                        .isNotNull();
                assertThat(result.rows().rows())
                        .as("%s at %d", sort, offset)
                        .isEqualTo(plain(events, query, offset, LIMIT));
            }
        }
    }

    @Test
    void past_the_last_row_the_window_is_empty_and_the_total_is_exact() {
        GridQuery query =
                fixture.grid.query(
                        events, SortKey.parse("score", events.columns()), GridFilter.NONE);
        QuantileSeek.Result result =
                seek.window(
                        query,
                        events.columns(),
                        fixture.engine.version("events"),
                        ROWS + 10,
                        LIMIT);
        assertThat(result.rows().rows()).isEmpty();
        assertThat(result.total()).isEqualTo(ROWS);
    }
}
