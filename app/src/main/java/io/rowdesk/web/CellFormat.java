package io.rowdesk.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a value reads in an HTML table: amounts with two decimals, readable timestamps, a mark for
 * NULL.
 */
public final class CellFormat {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    private CellFormat() {}

    public static String text(Object value, String type) {
        if (value == null) {
            return "—";
        }
        if (value instanceof BigDecimal decimal) {
            DecimalFormat format =
                    new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
            return format.format(
                    decimal.setScale(
                            Math.max(2, Math.min(decimal.scale(), 2)), RoundingMode.HALF_EVEN));
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            // ids read better without grouping; counts and money with it
            return type != null && type.toUpperCase(Locale.ROOT).contains("INT")
                    ? value.toString()
                    : String.format(Locale.ENGLISH, "%,d", ((Number) value).longValue());
        }
        if (value instanceof Double d) {
            return String.format(Locale.ENGLISH, "%,.2f", d);
        }
        if (value instanceof LocalDateTime ts) {
            return TIMESTAMP.format(ts);
        }
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Boolean b) {
            return b ? "✓" : "✗";
        }
        // lists, structs, maps and JSON as compact JSON; a BLOB as "12 bytes 0x0102..."
        return JsonValues.text(value);
    }

    public static String css(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "num";
        }
        if (value instanceof LocalDateTime || value instanceof LocalDate) {
            return "time";
        }
        return "";
    }

    public static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }
}
