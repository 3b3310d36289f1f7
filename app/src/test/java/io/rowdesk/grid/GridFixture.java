package io.rowdesk.grid;

import io.rowdesk.auth.Role;
import io.rowdesk.cache.Snapshot;
import io.rowdesk.cache.SnapshotWriter;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.source.FileTable;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real query instance over snapshot files written by the real writer, for the grid tests: {@code
 * events} has a key column ({@code id}), {@code dups} has none and holds duplicate rows.
 */
final class GridFixture implements AutoCloseable {
    /** A clock the tests move by hand, for idle expiry. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-20T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Path dir;
    final QueryEngine engine;
    final SnapshotWriter writer;
    final RowdeskConfig config;
    final MovableClock clock = new MovableClock();
    final OrderingSnapshots orderings;
    final GridService grid;
    private int fileCounter;

    GridFixture(Path dir, OrderingSnapshots.Limits limits) {
        this.dir = dir;
        this.writer = new SnapshotWriter(dir.resolve("cache"), Clock.systemUTC());
        this.engine = new QueryEngine(dir.resolve("cache"), DuckDb.Limits.QUERY);
        RowdeskConfig demo =
                new ConfigResolver(Map.of())
                        .resolve(new StartupOptions(null, dir, 0, true, 0.01, null));
        Map<String, RelationConfig> relations = new HashMap<>(demo.relations());
        relations.put(
                "events",
                new RelationConfig(
                        Set.of(Role.assignable()), List.of(), Map.of(), Map.of(), null, "id"));
        this.config =
                new RowdeskConfig(
                        demo.server(),
                        demo.demo(),
                        demo.sources(),
                        demo.views(),
                        relations,
                        demo.llm(),
                        demo.search(),
                        demo.actions(),
                        demo.auth(),
                        demo.grid());
        this.orderings =
                new OrderingSnapshots(engine, new SqlFiles(), limits, clock, engine.orderingsDir());
        this.grid = new GridService(engine, orderings, config);
    }

    /**
     * {@code rows} events with many ties and NULLs: grp has 5 values and NULL, score 0..9 and NULL,
     * amount a DECIMAL with NULLs; {@code salt} changes the values, so a reload looks different.
     */
    static String eventsSelect(long rows, int salt) {
        return "SELECT i::BIGINT AS id,"
                + " CASE WHEN hash(i, "
                + salt
                + ", 'g') % 7 = 0 THEN NULL"
                + "      ELSE ['alpha','beta','gamma','delta','epsilon'][(hash(i, "
                + salt
                + ", 'g') % 5 + 1)::INTEGER] END AS grp,"
                + " CASE WHEN hash(i, "
                + salt
                + ", 's') % 9 = 0 THEN NULL ELSE (hash(i, "
                + salt
                + ", 's') % 10)::INTEGER END AS score,"
                + " CASE WHEN hash(i, "
                + salt
                + ", 'a') % 4 = 0 THEN NULL ELSE ((hash(i, "
                + salt
                + ", 'a') % 100000) / 100.0)::DECIMAL(10,2) END AS amount,"
                + " TIMESTAMP '2026-01-01' + to_seconds((hash(i, "
                + salt
                + ", 't') % 1000)::BIGINT) AS happened_at"
                + " FROM range("
                + rows
                + ") r(i)";
    }

    /** Rows repeated whole (no key): 4 copies of each of rows/4 distinct rows. */
    static String dupsSelect(long rows) {
        return "SELECT (i % "
                + Math.max(1, rows / 4)
                + ")::INTEGER AS a,"
                + " CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || (i % 5) END AS b"
                + " FROM range("
                + rows
                + ") r(i)";
    }

    /** Writes {@code select} to Parquet, loads it with the snapshot writer and swaps it in. */
    RelationInfo load(String relation, String select) {
        Path parquet = dir.resolve("src-" + relation + "-" + (++fileCounter) + ".parquet");
        try (Connection duck = DuckDb.open(null, DuckDb.Limits.WRITER);
                PreparedStatement copy =
                        duck.prepareStatement(
                                "COPY ("
                                        + select
                                        + ") TO "
                                        + SqlIdentifiers.quoteLiteral(parquet.toString())
                                        + " (FORMAT parquet)")) {
            copy.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Snapshot snapshot =
                writer.write(
                        new FileTable(
                                relation,
                                "test",
                                parquet,
                                FileTable.Format.PARQUET,
                                "f" + fileCounter));
        engine.swap(relation, snapshot.file());
        return new RelationInfo(
                relation, "test", engine.columns(relation), snapshot.rowCount(), false);
    }

    RelationInfo view(String name, String select) {
        engine.defineView(name, select);
        return new RelationInfo(name, "view", engine.columns(name), engine.count(name), true);
    }

    /** The rows of a plain ORDER BY ... LIMIT ... OFFSET, the reference windows must equal. */
    List<List<Object>> plain(String relation, String orderBy, long offset, int limit) {
        return engine.query(
                        "SELECT * FROM "
                                + SqlIdentifiers.quoteIdentifier(relation)
                                + " ORDER BY "
                                + orderBy
                                + " LIMIT ? OFFSET ?",
                        List.of(limit, offset),
                        limit,
                        Duration.ofSeconds(60))
                .rows();
    }

    @Override
    public void close() {
        orderings.close();
        engine.close();
    }
}
