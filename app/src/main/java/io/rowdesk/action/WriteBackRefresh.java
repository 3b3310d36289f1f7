package io.rowdesk.action;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Told after a postgres write-back committed (or was found applied by an earlier attempt), so that
 * the cache re-reads the rows it changed and the grid shows them. The future completes when the
 * cache shows them; the cache itself is not a dependency of actions (the composition root passes
 * {@code SyncService.refreshWritten}).
 */
@FunctionalInterface
public interface WriteBackRefresh {
    WriteBackRefresh NONE = written -> CompletableFuture.completedFuture(null);

    CompletableFuture<?> refresh(Written written);

    /**
     * What a write-back changed.
     *
     * @param source the postgres source written to
     * @param table the table the statement writes ({@code UPDATE payouts ...}), unqualified; empty
     *     when the statement is not a plain UPDATE, INSERT, DELETE or MERGE
     * @param keyColumn the action's key column: the written rows are those with these keys
     * @param keys the key values, as text
     */
    record Written(String source, Optional<String> table, String keyColumn, List<String> keys) {
        public Written {
            keys = List.copyOf(keys);
        }
    }

    /** {@code "?[^"]*"?} or a bare name, optionally schema-qualified. */
    Pattern TARGET =
            Pattern.compile(
                    "^\\s*(?:UPDATE\\s+(?:ONLY\\s+)?|INSERT\\s+INTO\\s+|DELETE\\s+FROM\\s+(?:ONLY\\s+)?"
                            + "|MERGE\\s+INTO\\s+)"
                            + "(?:(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)\\s*\\.\\s*)?"
                            + "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)",
                    Pattern.CASE_INSENSITIVE);

    /**
     * The table a statement writes, as Postgres names it (a bare name folds to lower case); empty
     * when the statement starts otherwise (a CTE, a function call).
     */
    static Optional<String> targetTable(String statement) {
        Matcher m = TARGET.matcher(statement);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        if (name.startsWith("\"")) {
            return Optional.of(name.substring(1, name.length() - 1).replace("\"\"", "\""));
        }
        return Optional.of(name.toLowerCase(Locale.ROOT));
    }
}
