package io.rowdesk.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code relations.<r>.columns.<c>.format:} how a column's values read. Presentation only: the API,
 * search and CSV export keep the stored values.
 *
 * @param kind what the values are
 * @param currency ISO 4217 code, for {@link Kind#MONEY}
 * @param decimals digits after the point, for numbers, money and percentages (null: as stored)
 * @param labels for {@link Kind#ENUM}, the words shown for stored values
 */
public record ColumnFormat(
        Kind kind, String currency, Integer decimals, Map<String, String> labels) {
    public enum Kind {
        /** As stored, no grouping: identifiers, codes. */
        PLAIN,
        TEXT,
        NUMBER,
        MONEY,
        PERCENT,
        DATE,
        DATETIME,
        /** A number of seconds, read as "2 h 5 min". */
        DURATION,
        EMAIL,
        URL,
        ENUM,
        BOOLEAN,
        JSON;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ColumnFormat {
        Objects.requireNonNull(kind, "kind is null");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static ColumnFormat of(Kind kind) {
        return new ColumnFormat(kind, null, null, Map.of());
    }
}
