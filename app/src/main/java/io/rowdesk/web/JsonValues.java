package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.query.Bytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns query values into what the JSON API promises: numbers as JSON numbers unless a double
 * cannot hold them exactly (then strings), timestamps as ISO-8601, NULL as null, lists as JSON
 * arrays, structs and maps as JSON objects, JSON columns as the JSON itself, and a BLOB as {@code
 * "12 bytes 0x0102..."}.
 */
public final class JsonValues {
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {}

    public static Object toJson(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Double
                || value instanceof Float
                || value instanceof JsonNode) {
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
        if (value instanceof OffsetDateTime timestamp) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timestamp);
        }
        if (value instanceof Bytes bytes) {
            return bytes.describe();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(toJson(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toJson(v)));
            return out;
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof UUID) {
            return value.toString();
        }
        return value.toString();
    }

    /**
     * A value as one line of text for a grid cell or a CSV field: nested values as compact JSON,
     * everything else as its JSON form.
     */
    public static String text(Object value) {
        Object json = toJson(value);
        if (json instanceof List<?> || json instanceof Map<?, ?> || json instanceof JsonNode) {
            try {
                return JSON.writeValueAsString(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a nested value as JSON", e);
            }
        }
        return String.valueOf(json);
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
