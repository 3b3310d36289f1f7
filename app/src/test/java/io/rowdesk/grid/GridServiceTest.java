package io.rowdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.query.RelationInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridServiceTest {
    static final long LARGE = 300_000;
    static final long SMALL = 1_000;

    @TempDir static Path dir;
    static GridFixture fixture;
    static RelationInfo large;
    static RelationInfo small;
    static RelationInfo dups;

    @BeforeAll
    static void load() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        large = fixture.load("events", GridFixture.eventsSelect(LARGE, 1));
        small = fixture.load("small_events", GridFixture.eventsSelect(SMALL, 2));
        dups = fixture.load("dups", GridFixture.dupsSelect(2_000));
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static List<SortKey> sort(String text, RelationInfo relation) {
        return SortKey.parse(text, relation.columns());
    }

    private static void assertWindowsMatchPlainOrderBy(
            RelationInfo relation, String sort, String orderBy, long total) {
        int limit = 100;
        long[] offsets = {
            0, 1, 99, 100, total / 3, total / 2 + 7, total - limit, total - 37, total - 1, total
        };
        for (long offset : offsets) {
            Window window = fixture.grid.window(relation, sort(sort, relation), offset, limit);
            assertThat(window.rows())
                    .as("%s sorted by %s at offset %d", relation.name(), sort, offset)
                    .isEqualTo(fixture.plain(relation.name(), orderBy, offset, limit));
            assertThat(window.total()).isEqualTo(total);
            assertThat(window.offset()).isEqualTo(offset);
        }
    }

    @Test
    void windows_equal_a_plain_order_by_at_first_middle_and_last_offsets_on_small_data() {
        assertWindowsMatchPlainOrderBy(
                small, "grp,-score", "grp NULLS LAST, score DESC NULLS LAST, id", SMALL);
        assertWindowsMatchPlainOrderBy(small, "-amount", "amount DESC NULLS LAST, id", SMALL);
    }

    @Test
    void windows_equal_a_plain_order_by_at_many_offsets_on_a_large_table_with_ties_and_nulls() {
        assertWindowsMatchPlainOrderBy(
                large, "-happened_at", "happened_at DESC NULLS LAST, id", LARGE);
        assertWindowsMatchPlainOrderBy(
                large, "grp,amount", "grp NULLS LAST, amount NULLS LAST, id", LARGE);
        assertWindowsMatchPlainOrderBy(
                large, "-score,-grp", "score DESC NULLS LAST, grp DESC NULLS LAST, id", LARGE);
    }

    @Test
    void a_partial_last_window_holds_only_the_rows_that_remain_and_past_the_end_there_are_none() {
        Window last = fixture.grid.window(large, sort("score", large), LARGE - 37, 100);
        assertThat(last.rows()).hasSize(37);
        Window past = fixture.grid.window(large, sort("score", large), LARGE + 500, 100);
        assertThat(past.rows()).isEmpty();
        assertThat(past.total()).isEqualTo(LARGE);
    }

    @Test
    void concatenating_all_windows_gives_every_row_exactly_once_although_the_sort_has_many_ties() {
        List<SortKey> byGroup = sort("grp", large);
        Set<Object> ids = new HashSet<>();
        long rows = 0;
        for (long offset = 0; offset < LARGE; offset += 1000) {
            for (List<Object> row : fixture.grid.window(large, byGroup, offset, 1000).rows()) {
                ids.add(row.get(0));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(LARGE);
        assertThat(ids).hasSize((int) LARGE);
    }

    @Test
    void ties_are_broken_by_the_key_column_so_each_group_is_in_id_order() {
        List<List<Object>> rows =
                fixture.grid.window(large, sort("grp", large), 50_000, 1000).rows();
        for (int i = 1; i < rows.size(); i++) {
            if (java.util.Objects.equals(rows.get(i - 1).get(1), rows.get(i).get(1))) {
                assertThat((Long) rows.get(i).get(0)).isGreaterThan((Long) rows.get(i - 1).get(0));
            }
        }
    }

    @Test
    void
            a_relation_without_a_key_column_is_ordered_by_all_columns_and_duplicate_rows_are_all_kept() {
        assertThat(fixture.grid.query(dups, sort("-b", dups)).sort())
                .containsExactly(new SortKey("b", true), SortKey.ascending("a"));
        List<List<Object>> all = new ArrayList<>();
        for (long offset = 0; offset < 2_000; offset += 300) {
            all.addAll(fixture.grid.window(dups, sort("-b", dups), offset, 300).rows());
        }
        assertThat(all).isEqualTo(fixture.plain("dups", "b DESC NULLS LAST, a", 0, 2_000));
    }

    @Test
    void nulls_come_last_both_ascending_and_descending() {
        for (String sort : List.of("score", "-score")) {
            List<List<Object>> tail =
                    fixture.grid.window(small, sort(sort, small), SMALL - 50, 50).rows();
            List<List<Object>> head = fixture.grid.window(small, sort(sort, small), 0, 50).rows();
            assertThat(tail).as(sort).allSatisfy(row -> assertThat(row.get(2)).isNull());
            assertThat(head).as(sort).allSatisfy(row -> assertThat(row.get(2)).isNotNull());
        }
        List<List<Object>> descending =
                fixture.grid.window(small, sort("-score", small), 0, 50).rows();
        assertThat(descending.get(0).get(2)).isEqualTo(9);
    }

    @Test
    void a_deep_window_of_a_new_sort_is_sought_at_once_and_read_from_the_ordering_once_built()
            throws Exception {
        List<SortKey> sort = sort("-amount,grp", large);
        String orderBy = "amount DESC NULLS LAST, grp NULLS LAST, id";
        Window sought = fixture.grid.window(large, sort, LARGE / 2, 100);
        assertThat(sought.fromSnapshot()).isFalse();
        assertThat(sought.rows()).isEqualTo(fixture.plain("events", orderBy, LARGE / 2, 100));
        fixture.orderings.request(fixture.grid.query(large, sort)).get();
        Window deep = fixture.grid.window(large, sort, LARGE / 2, 100);
        assertThat(deep.fromSnapshot()).isTrue();
        assertThat(deep.rows()).isEqualTo(sought.rows());
        Window top = fixture.grid.window(large, sort, 0, 100);
        assertThat(top.fromSnapshot()).isTrue();
        assertThat(top.rows()).isEqualTo(fixture.plain("events", orderBy, 0, 100));
    }

    @Test
    void a_view_is_ordered_through_a_sorted_copy_with_the_same_windows() {
        RelationInfo view =
                fixture.view("events_view", "SELECT id, grp, score FROM events WHERE id % 3 = 0");
        assertWindowsMatchPlainOrderBy(
                view,
                "-grp,score",
                "grp DESC NULLS LAST, score NULLS LAST, id, grp, score",
                view.rowCount());
    }

    @Test
    void concurrent_first_requests_for_a_sort_build_one_ordering_only() throws Exception {
        List<SortKey> sort = sort("amount,-happened_at", large);
        long before = fixture.orderings.buildsStarted();
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Window>> windows = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long offset = i % 2 == 0 ? 0 : 200_000 + i;
                Callable<Window> call =
                        () -> {
                            start.await();
                            return fixture.grid.window(large, sort, offset, 100);
                        };
                windows.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Window> window : windows) {
                assertThat(window.get().rows()).hasSize(100);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.orderings.buildsStarted() - before).isEqualTo(1);
    }
}
