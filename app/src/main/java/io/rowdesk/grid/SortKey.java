package io.rowdesk.grid;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.Column;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One column of a grid's sort. NULLs always sort last, ascending or descending, so that the rows
 * with a value come first whichever way the user flips the column.
 */
public record SortKey(String column, boolean descending) {
    public SortKey {
        Objects.requireNonNull(column, "column is null");
    }

    public static SortKey ascending(String column) {
        return new SortKey(column, false);
    }

    /**
     * Parses {@code "-occurred_at,event_id"} against the relation's columns: names separated by
     * commas, {@code -} in front for descending. Blank means no sort.
     *
     * @throws InvalidSortException naming the problem and the columns that are allowed
     */
    public static List<SortKey> parse(String text, List<Column> columns) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> names =
                columns.stream()
                        .map(Column::name)
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.trim();
            boolean descending = item.startsWith("-");
            String name = descending ? item.substring(1).trim() : item;
            if (name.isEmpty()) {
                throw new InvalidSortException(
                        "sort: empty column name in '"
                                + text
                                + "'; write column names separated by commas, '-' in front for descending");
            }
            if (!names.contains(name)) {
                throw new InvalidSortException(
                        "sort: unknown column '"
                                + name
                                + "'; columns are: "
                                + String.join(", ", names));
            }
            if (!seen.add(name)) {
                throw new InvalidSortException("sort: column '" + name + "' appears twice");
            }
            keys.add(new SortKey(name, descending));
        }
        return List.copyOf(keys);
    }

    /** The text form {@link #parse} reads. */
    public static String format(List<SortKey> keys) {
        return keys.stream()
                .map(k -> (k.descending ? "-" : "") + k.column)
                .collect(Collectors.joining(","));
    }

    /** An ORDER BY list; column names come from the catalog, quoted. */
    static String orderBy(List<SortKey> keys) {
        return keys.stream()
                .map(
                        k ->
                                SqlIdentifiers.quoteIdentifier(k.column)
                                        + (k.descending ? " DESC" : " ASC")
                                        + " NULLS LAST")
                .collect(Collectors.joining(", "));
    }

    /** A sort that names a column the relation does not have, or the same column twice. */
    public static final class InvalidSortException extends UserFacingException {
        public InvalidSortException(String message) {
            super(ErrorKind.BAD_REQUEST, message);
        }
    }
}
