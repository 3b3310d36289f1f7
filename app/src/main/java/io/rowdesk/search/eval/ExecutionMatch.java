package io.rowdesk.search.eval;

import io.rowdesk.query.QueryResult;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Execution match for the search evaluation: two results match when they hold the same rows, as
 * multisets of tuples, or in the same order when the gold SQL has {@code ORDER BY ... LIMIT}.
 * Column names are ignored (a translator may alias {@code count(*)} differently), the column count
 * is not. Numbers (BigDecimal, Long, Integer, Double, ...) compare numerically with a small
 * relative tolerance; timestamps and dates compare as their ISO strings; everything else by {@code
 * toString()}.
 */
public final class ExecutionMatch {
    /**
     * Relative tolerance for numbers (averages computed in DOUBLE vs DECIMAL differ in the last
     * digits).
     */
    static final double TOLERANCE = 1e-6;

    private static final Pattern ORDER_BY_LIMIT =
            Pattern.compile("(?is).*\\border\\s+by\\b.*\\blimit\\s+\\d+\\s*;?\\s*$");

    private ExecutionMatch() {}

    /**
     * True when {@code sql} ends with ORDER BY ... LIMIT n, so that row order is part of the
     * answer.
     */
    public static boolean isOrderedLimit(String sql) {
        return ORDER_BY_LIMIT.matcher(sql.strip()).matches();
    }

    /**
     * Whether {@code actual} matches {@code gold}; order matters when {@code goldSql} sorts and
     * limits.
     */
    public static boolean matches(QueryResult gold, QueryResult actual, String goldSql) {
        return matches(gold, actual, isOrderedLimit(goldSql));
    }

    public static boolean matches(QueryResult gold, QueryResult actual, boolean ordered) {
        if (gold.columns().size() != actual.columns().size()
                || gold.rows().size() != actual.rows().size()) {
            return false;
        }
        if (ordered) {
            for (int i = 0; i < gold.rows().size(); i++) {
                if (!rowEquals(gold.rows().get(i), actual.rows().get(i))) {
                    return false;
                }
            }
            return true;
        }
        // Multiset: bucket by a key that is stable under the tolerance (numbers rounded coarsely),
        // then match row by row within each bucket.
        Map<String, List<List<Object>>> buckets = new HashMap<>();
        for (List<Object> row : gold.rows()) {
            buckets.computeIfAbsent(bucketKey(row), k -> new ArrayList<>()).add(row);
        }
        for (List<Object> row : actual.rows()) {
            List<List<Object>> candidates = buckets.get(bucketKey(row));
            if (candidates == null) {
                return false;
            }
            int found = -1;
            for (int i = 0; i < candidates.size(); i++) {
                if (rowEquals(candidates.get(i), row)) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            candidates.remove(found);
        }
        return true;
    }

    static boolean rowEquals(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!valueEquals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean valueEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number && b instanceof Number) {
            BigDecimal x = decimal((Number) a);
            BigDecimal y = decimal((Number) b);
            if (x == null || y == null) {
                return a.toString().equals(b.toString()); // NaN, infinities
            }
            double scale = Math.max(1.0, Math.max(x.abs().doubleValue(), y.abs().doubleValue()));
            return x.subtract(y).abs().doubleValue() <= TOLERANCE * scale;
        }
        if (a instanceof Number || b instanceof Number) {
            return false;
        }
        return text(a).equals(text(b));
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String text(Object value) {
        if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
            // LocalDateTime.toString drops zero seconds; normalise to "yyyy-MM-dd HH:mm:ss[.fff]".
            String s =
                    value instanceof java.sql.Timestamp t
                            ? t.toLocalDateTime().toString()
                            : value.toString();
            s = s.replace('T', ' ');
            if (s.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")) {
                s += ":00";
            }
            return s;
        }
        return value.toString();
    }

    /** Non-numeric values only: numbers are compared with the tolerance within a bucket. */
    private static String bucketKey(List<Object> row) {
        StringBuilder key = new StringBuilder();
        for (Object value : row) {
            if (value == null) {
                key.append("\u0000null");
            } else if (value instanceof Number) {
                key.append("\u0000#");
            } else {
                key.append('\u0000').append(text(value).toLowerCase(Locale.ROOT).hashCode());
            }
        }
        return key.toString();
    }
}
