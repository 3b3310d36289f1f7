package io.rowdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.query.RelationInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderingSnapshotsTest {
    @TempDir Path dir;
    GridFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static List<SortKey> sort(String text, RelationInfo relation) {
        return SortKey.parse(text, relation.columns());
    }

    @Test
    void after_a_reload_swaps_the_table_the_windows_show_the_new_data() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        RelationInfo before = fixture.load("events", GridFixture.eventsSelect(50_000, 1));
        String orderBy = "grp DESC NULLS LAST, amount NULLS LAST, id";
        Window old = fixture.grid.window(before, sort("-grp,amount", before), 20_000, 100);
        assertThat(old.rows()).isEqualTo(fixture.plain("events", orderBy, 20_000, 100));
        assertThat(fixture.orderings.size()).isEqualTo(1);

        RelationInfo after = fixture.load("events", GridFixture.eventsSelect(60_000, 7));
        assertThat(fixture.orderings.size()).as("the old ordering is dropped by the swap").isZero();
        Window fresh = fixture.grid.window(after, sort("-grp,amount", after), 20_000, 100);
        assertThat(fresh.rows())
                .isEqualTo(fixture.plain("events", orderBy, 20_000, 100))
                .isNotEqualTo(old.rows());
        assertThat(fresh.total()).isEqualTo(60_000);
        Window top = fixture.grid.window(after, sort("-grp,amount", after), 0, 100);
        assertThat(top.rows()).isEqualTo(fixture.plain("events", orderBy, 0, 100));
    }

    @Test
    void a_view_ordering_is_rebuilt_when_a_table_under_it_is_reloaded() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        fixture.load("events", GridFixture.eventsSelect(30_000, 1));
        RelationInfo view =
                fixture.view("scored", "SELECT id, score FROM events WHERE score IS NOT NULL");
        String orderBy = "score DESC NULLS LAST, id, score";
        Window old = fixture.grid.window(view, sort("-score", view), 15_000, 50);
        assertThat(old.rows()).isEqualTo(fixture.plain("scored", orderBy, 15_000, 50));

        fixture.load("events", GridFixture.eventsSelect(30_000, 9));
        Window fresh = fixture.grid.window(view, sort("-score", view), 15_000, 50);
        assertThat(fresh.rows())
                .isEqualTo(fixture.plain("scored", orderBy, 15_000, 50))
                .isNotEqualTo(old.rows());
    }

    @Test
    void orderings_not_read_for_the_idle_time_are_dropped_and_rebuilt_on_the_next_request() {
        fixture =
                new GridFixture(
                        dir,
                        new OrderingSnapshots.Limits(
                                8, 100_000_000L, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        fixture.grid.window(events, sort("score", events), 15_000, 10);
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.orderings.expireIdle();
        assertThat(fixture.orderings.size()).isEqualTo(1);

        fixture.clock.advance(Duration.ofMinutes(11));
        fixture.orderings.expireIdle();
        assertThat(fixture.orderings.size()).isZero();
        long builds = fixture.orderings.buildsStarted();
        Window again = fixture.grid.window(events, sort("score", events), 15_000, 10);
        assertThat(again.rows())
                .isEqualTo(fixture.plain("events", "score NULLS LAST, id", 15_000, 10));
        assertThat(fixture.orderings.buildsStarted()).isEqualTo(builds + 1);
    }

    @Test
    void the_least_recently_used_orderings_are_dropped_beyond_the_limit() {
        fixture =
                new GridFixture(
                        dir,
                        new OrderingSnapshots.Limits(
                                2, 100_000_000L, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        for (String sort : List.of("score", "grp", "-amount")) {
            fixture.grid.window(events, sort(sort, events), 15_000, 10);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(fixture.orderings.size()).isEqualTo(2);
        long builds = fixture.orderings.buildsStarted();
        fixture.grid.window(events, sort("-amount", events), 16_000, 10);
        assertThat(fixture.orderings.buildsStarted())
                .as("the most recent one is kept")
                .isEqualTo(builds);
        Window oldest = fixture.grid.window(events, sort("score", events), 15_000, 10);
        assertThat(fixture.orderings.buildsStarted())
                .as("the oldest one was dropped")
                .isEqualTo(builds + 1);
        assertThat(oldest.rows())
                .isEqualTo(fixture.plain("events", "score NULLS LAST, id", 15_000, 10));
    }

    @Test
    void the_cell_budget_drops_older_orderings_but_keeps_the_one_just_built() {
        fixture =
                new GridFixture(
                        dir,
                        new OrderingSnapshots.Limits(
                                8, 50_000L, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        fixture.grid.window(events, sort("score", events), 15_000, 10);
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.grid.window(events, sort("grp", events), 15_000, 10);
        // each ordering keeps 6 x 20,000 cells, over the budget alone: only the newest is kept
        assertThat(fixture.orderings.size()).isEqualTo(1);
        Window window = fixture.grid.window(events, sort("grp", events), 15_000, 10);
        assertThat(window.fromSnapshot()).isTrue();
    }

    @Test
    void dropped_orderings_leave_no_table_behind() throws InterruptedException {
        fixture =
                new GridFixture(
                        dir,
                        new OrderingSnapshots.Limits(
                                1, 100_000_000L, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        for (String sort : List.of("score", "grp", "-amount")) {
            fixture.grid.window(events, sort(sort, events), 15_000, 10);
        }
        events = fixture.load("events", GridFixture.eventsSelect(20_000, 2));
        fixture.grid.window(events, sort("score", events), 15_000, 10);
        // Drops run on the orderings' worker thread, after the build that follows them at the
        // latest.
        long tables = -1;
        for (int i = 0; i < 200 && tables != 1; i++) {
            Thread.sleep(25);
            tables = gridTables();
        }
        assertThat(tables).isEqualTo(1);
        assertThat(fixture.orderings.size()).isEqualTo(1);
    }

    private long gridTables() {
        return ((Number)
                        fixture.engine
                                .query(
                                        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = '__grid'",
                                        List.of(),
                                        1,
                                        Duration.ofSeconds(10))
                                .rows()
                                .get(0)
                                .get(0))
                .longValue();
    }
}
