package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.TooManyRequestsException;
import org.junit.jupiter.api.Test;

class ConcurrentQueryLimitTest {
    @Test
    void one_user_past_the_limit_gets_429_with_retry_after_while_others_still_run() {
        ConcurrentQueryLimit limit = new ConcurrentQueryLimit(2);
        var first = limit.acquire(1);
        var second = limit.acquire(1);
        Throwable third = catchThrowable(() -> limit.acquire(1));
        assertThat(third).isInstanceOf(TooManyRequestsException.class);
        assertThat(((TooManyRequestsException) third).kind())
                .isEqualTo(ErrorKind.TOO_MANY_REQUESTS);
        assertThat(((TooManyRequestsException) third).retryAfter()).isPresent();
        try (var other = limit.acquire(2)) {
            assertThat(limit.running(2)).isEqualTo(1);
        }
        first.close();
        first.close(); // closing twice frees one place only
        try (var again = limit.acquire(1)) {
            assertThat(limit.running(1)).isEqualTo(2);
        }
        second.close();
        assertThat(limit.running(1)).isZero();
    }

    @Test
    void only_the_query_routes_are_limited_and_grid_windows_are_not() {
        assertThat(ConcurrentQueryLimit.LIMITED_PATHS)
                .contains(SqlController.SQL, SearchController.SEARCH, GridController.EXPORT)
                .doesNotContain(GridController.ROWS);
    }
}
