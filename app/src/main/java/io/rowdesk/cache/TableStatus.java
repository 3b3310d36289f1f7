package io.rowdesk.cache;

import java.time.Instant;
import java.util.List;

/**
 * What is known about one table of a source now: for the Sources page, the API and the command
 * line. {@code rows} is the current snapshot's row count (null before the first sync); {@code
 * progressRows} counts the rows read so far while {@link State#SYNCING}.
 */
public record TableStatus(
        String source,
        String name,
        String relation,
        State state,
        Long rows,
        Long estimate,
        long progressRows,
        Instant lastSuccessAt,
        Long durationMillis,
        Double rowsPerSecond,
        String lastError,
        List<io.rowdesk.query.Column> columns) {

    public enum State {
        NEVER_SYNCED,
        SYNCING,
        OK,
        FAILED;

        /**
         * As the API writes it: {@code never_synced}, {@code syncing}, {@code ok}, {@code failed}.
         */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TableStatus {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
