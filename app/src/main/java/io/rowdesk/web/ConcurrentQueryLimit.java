package io.rowdesk.web;

import io.javalin.http.Handler;
import io.rowdesk.error.TooManyRequestsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@link #DEFAULT_PER_USER} queries of one user run at once on the routes that run
 * arbitrary queries (SQL, search, export); one more gets a 429 with {@code Retry-After}. Grid
 * windows are not limited: a window never answers 429.
 */
public final class ConcurrentQueryLimit {
    public static final int DEFAULT_PER_USER = 4;
    static final Set<String> LIMITED_PATHS =
            Set.of(SqlController.SQL, SearchController.SEARCH, GridController.EXPORT);

    private final int perUser;
    private final Map<Long, AtomicInteger> running = new ConcurrentHashMap<>();

    public ConcurrentQueryLimit(int perUser) {
        if (perUser < 1) {
            throw new IllegalArgumentException("perUser must be at least 1");
        }
        this.perUser = perUser;
    }

    /** The routes with the query routes' handlers wrapped in the limit. */
    public List<Route> apply(List<Route> routes) {
        return routes.stream()
                .map(
                        r ->
                                LIMITED_PATHS.contains(r.path())
                                        ? new Route(
                                                r.method(), r.path(), r.role(), wrap(r.handler()))
                                        : r)
                .toList();
    }

    private Handler wrap(Handler handler) {
        return ctx -> {
            try (Permit permit = acquire(AccessControl.user(ctx).id())) {
                handler.handle(ctx);
            }
        };
    }

    /** One running query; closing it frees the place. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes a place for a query of {@code userId}.
     *
     * @throws TooManyRequestsException when the user has {@code perUser} running already
     */
    public Permit acquire(long userId) {
        AtomicInteger count = running.computeIfAbsent(userId, id -> new AtomicInteger());
        if (count.incrementAndGet() > perUser) {
            count.decrementAndGet();
            throw new TooManyRequestsException(
                    "You have " + perUser + " queries running already; wait for one to finish.",
                    Duration.ofSeconds(1));
        }
        AtomicInteger released = new AtomicInteger();
        return () -> {
            if (released.getAndIncrement() == 0) {
                count.decrementAndGet();
            }
        };
    }

    /** Queries of {@code userId} running now. */
    public int running(long userId) {
        AtomicInteger count = running.get(userId);
        return count == null ? 0 : count.get();
    }
}
