package io.rowdesk.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Turns query values into what the JSON API promises: numbers as JSON numbers unless a double
 * cannot hold them exactly (then strings), timestamps as ISO-8601, NULL as null.
 */
public final class JsonValues {
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private JsonValues() {}

    public static Object toJson(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Double
                || value instanceof Float) {
            return value;
        }
        if (value instanceof Long l) {
            return Math.abs(l) <= MAX_SAFE_INTEGER ? l : l.toString();
        }
        if (value instanceof BigInteger big) {
            return big.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) <= 0
                    ? big
                    : big.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return fitsDouble(decimal) ? decimal : decimal.toPlainString();
        }
        if (value instanceof LocalDateTime timestamp) {
            // always with seconds: LocalDateTime.toString() drops ":00"
            return java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp);
        }
        if (value instanceof LocalDate
                || value instanceof LocalTime
                || value instanceof OffsetDateTime
                || value instanceof UUID) {
            return value.toString();
        }
        return value.toString();
    }

    /** True when the shortest double for this decimal reads back as the same number. */
    static boolean fitsDouble(BigDecimal decimal) {
        if (decimal.precision() > 15) {
            return false;
        }
        double d = decimal.doubleValue();
        return !Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(decimal) == 0;
    }
}
