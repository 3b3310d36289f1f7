package io.rowdesk.search;

import java.util.List;

/**
 * One filter of a {@link QuerySpec}. Every condition names its column; values are Java values
 * (String, BigDecimal, LocalDateTime, ...) that the renderer binds. {@code label} is how the
 * interpretation reads as a chip ("status is pending", "requested last month").
 */
public sealed interface Condition {
    String label();

    enum Operator {
        EQ("="),
        NE("<>"),
        GT(">"),
        GE(">="),
        LT("<"),
        LE("<=");

        public final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    /** {@code column <op> value}. */
    record Compare(String column, Operator operator, Object value, String label)
            implements Condition {}

    /**
     * {@code from <= column < to} (half-open), or {@code <= to} when {@code inclusive}; either end
     * may be null.
     */
    record Range(String column, Object from, Object to, boolean inclusive, String label)
            implements Condition {}

    /**
     * {@code column IN (values)}, or NOT IN. A NOT IN keeps NULLs out, as people mean "not paid" of
     * known statuses.
     */
    record InSet(String column, List<Object> values, boolean negated, String label)
            implements Condition {
        public InSet {
            values = List.copyOf(values);
        }
    }

    /** Case-insensitive text match. */
    record Text(String column, Mode mode, String text, boolean negated, String label)
            implements Condition {
        public enum Mode {
            CONTAINS,
            STARTS_WITH,
            ENDS_WITH,
            EQUALS
        }
    }

    /** {@code column IS NULL}, or IS NOT NULL. */
    record IsNull(String column, boolean isNull, String label) implements Condition {}

    /** Any of the alternatives holds. */
    record AnyOf(List<Condition> alternatives, String label) implements Condition {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }
    }
}
