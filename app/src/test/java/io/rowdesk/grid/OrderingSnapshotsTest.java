package io.rowdesk.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.query.RelationInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
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
    void a_requester_past_the_cap_queues_no_build_but_shares_one_that_exists() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(50_000, 1));
        GridQuery byAmount = fixture.grid.query(events, sort("amount", events));
        assertThat(fixture.orderings.request(byAmount, "viewer@example.com", 0)).isNull();
        assertThat(fixture.orderings.buildsStarted()).isZero();

        fixture.orderings.request(byAmount).join(); // queued by someone else
        assertThat(fixture.orderings.request(byAmount, "viewer@example.com", 0))
                .as("an ordering that exists is shared past the cap")
                .isNotNull();
        assertThat(fixture.orderings.buildsStarted()).isEqualTo(1);
    }

    @Test
    void a_queued_build_counts_against_its_requester_until_it_ends() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(50_000, 1));
        GridQuery byScore = fixture.grid.query(events, sort("-score", events));
        var pending = fixture.orderings.request(byScore, "viewer@example.com", 1);
        assertThat(pending).isNotNull();
        pending.join();
        assertThat(fixture.orderings.queuedBy("viewer@example.com")).isZero();
    }

    @Test
    void one_users_repeated_deep_windows_queue_one_copy_and_stay_exact() {
        fixture = new GridFixture(dir, OrderingSnapshots.Limits.DEFAULT);
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(50_000, 1));
        String orderBy = "grp DESC NULLS LAST, amount NULLS LAST, id";
        for (int i = 0; i < GridService.MAX_QUEUED_COPIES_PER_USER + 3; i++) {
            // the same deep window, asked again and again: one copy, never one per request
            Window window =
                    fixture.grid.window(
                            events,
                            sort("-grp,amount", events),
                            GridFilter.NONE,
                            20_000,
                            100,
                            "viewer@example.com");
            assertThat(window.rows()).isEqualTo(fixture.plain("events", orderBy, 20_000, 100));
        }
        assertThat(fixture.orderings.buildsStarted()).isLessThanOrEqualTo(1);
    }

    private static OrderingSnapshots.Limits limits(
            int maxSnapshots, long maxBytes, Duration inUse) {
        return new OrderingSnapshots.Limits(
                maxSnapshots, maxBytes, Duration.ofMinutes(10), Duration.ofMinutes(1), inUse);
    }

    /** A deep window of a new sort (sought at once), then waits for its ordering to be built. */
    private OrderingSnapshots.Ordering build(RelationInfo relation, String sort) {
        fixture.grid.window(relation, sort(sort, relation), 15_000, 10);
        try {
            return fixture.orderings
                    .request(fixture.grid.query(relation, sort(sort, relation)))
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long orderingFiles() throws IOException {
        try (Stream<Path> files = Files.list(fixture.engine.orderingsDir())) {
            return files.filter(f -> f.toString().endsWith(".db")).count();
        }
    }

    @Test
    void orderings_not_read_for_the_idle_time_are_dropped_and_rebuilt_on_the_next_request() {
        fixture = new GridFixture(dir, limits(8, 1L << 30, Duration.ZERO));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        build(events, "score");
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
        fixture = new GridFixture(dir, limits(2, 1L << 30, Duration.ZERO));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        for (String sort : List.of("score", "grp", "-amount")) {
            build(events, sort);
            fixture.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(fixture.orderings.size()).isEqualTo(2);
        long builds = fixture.orderings.buildsStarted();
        Window recent = fixture.grid.window(events, sort("-amount", events), 16_000, 10);
        assertThat(recent.fromSnapshot()).as("the most recent one is kept").isTrue();
        assertThat(fixture.orderings.buildsStarted()).isEqualTo(builds);
        Window oldest = fixture.grid.window(events, sort("score", events), 15_000, 10);
        assertThat(fixture.orderings.buildsStarted())
                .as("the oldest one was dropped")
                .isEqualTo(builds + 1);
        assertThat(oldest.rows())
                .isEqualTo(fixture.plain("events", "score NULLS LAST, id", 15_000, 10));
    }

    @Test
    void the_disk_budget_drops_older_orderings_and_their_files_but_keeps_the_one_just_built()
            throws Exception {
        fixture = new GridFixture(dir, limits(8, 1, Duration.ZERO));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        OrderingSnapshots.Ordering first = build(events, "score");
        assertThat(first.bytes()).isPositive();
        fixture.clock.advance(Duration.ofSeconds(1));
        build(events, "grp");
        // each ordering's file is over the budget alone: only the newest is kept
        assertThat(fixture.orderings.size()).isEqualTo(1);
        Window window = fixture.grid.window(events, sort("grp", events), 15_000, 10);
        assertThat(window.fromSnapshot()).isTrue();
        long files = -1;
        for (int i = 0; i < 200 && files != 1; i++) {
            Thread.sleep(25);
            files = orderingFiles();
        }
        assertThat(files).isEqualTo(1);
    }

    @Test
    void a_window_is_never_read_from_a_dropped_copy() throws Exception {
        fixture = new GridFixture(dir, limits(8, 1, Duration.ZERO));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        OrderingSnapshots.Ordering dropped = build(events, "-amount");
        fixture.clock.advance(Duration.ofSeconds(1));
        build(events, "score");
        assertThatThrownBy(() -> fixture.orderings.read(dropped, 15_000, 10, Duration.ofSeconds(5)))
                .isInstanceOf(OrderingSnapshots.StaleOrderingException.class);
        Window window = fixture.grid.window(events, sort("-amount", events), 15_000, 10);
        assertThat(window.rows())
                .isEqualTo(fixture.plain("events", "amount DESC NULLS LAST, id", 15_000, 10));
    }

    @Test
    void an_ordering_in_use_is_not_evicted_for_another_until_it_goes_idle() {
        fixture = new GridFixture(dir, limits(8, 1, Duration.ofMinutes(2)));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        build(events, "score");
        fixture.clock.advance(Duration.ofSeconds(30));
        build(events, "grp");
        assertThat(fixture.orderings.size()).as("both in use, over budget").isEqualTo(2);
        long builds = fixture.orderings.buildsStarted();
        assertThat(fixture.grid.window(events, sort("score", events), 15_000, 10).fromSnapshot())
                .isTrue();
        fixture.clock.advance(Duration.ofMinutes(3));
        build(events, "-amount");
        assertThat(fixture.orderings.size()).as("the idle ones made room").isEqualTo(1);
        assertThat(fixture.orderings.buildsStarted()).isEqualTo(builds + 1);
    }

    @Test
    void dropped_orderings_leave_no_file_behind() throws Exception {
        fixture = new GridFixture(dir, limits(1, 1L << 30, Duration.ZERO));
        RelationInfo events = fixture.load("events", GridFixture.eventsSelect(20_000, 1));
        for (String sort : List.of("score", "grp", "-amount")) {
            build(events, sort);
        }
        events = fixture.load("events", GridFixture.eventsSelect(20_000, 2));
        build(events, "score");
        long files = -1;
        for (int i = 0; i < 200 && files != 1; i++) {
            Thread.sleep(25);
            files = orderingFiles();
        }
        assertThat(files).isEqualTo(1);
        assertThat(fixture.orderings.size()).isEqualTo(1);
    }
}
