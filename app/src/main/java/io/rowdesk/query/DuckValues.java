package io.rowdesk.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Blob;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what DuckDB's JDBC driver hands back into plain values the rest of the app can render:
 * LIST/ARRAY → {@link List}, STRUCT and MAP → {@link Map} (keys as text, in order), JSON → a
 * Jackson tree, BLOB → {@link Bytes}, nested timestamps → {@code LocalDateTime}. The driver's own
 * objects ({@code DuckDBArray}, {@code DuckDBStruct}, {@code DuckDBBlobResult}) never leave the
 * query package, so no caller casts them or prints their {@code toString}.
 */
public final class DuckValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DuckValues() {}

    public static Object normalize(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            List<Object> list = new ArrayList<>();
            if (elements instanceof Object[] objects) {
                for (Object element : objects) {
                    list.add(normalize(element));
                }
            } else if (elements != null) {
                int length = java.lang.reflect.Array.getLength(elements);
                for (int i = 0; i < length; i++) {
                    list.add(normalize(java.lang.reflect.Array.get(elements, i)));
                }
            }
            return list;
        }
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (struct instanceof org.duckdb.DuckDBStruct duck) {
                for (Map.Entry<String, Object> field : duck.getMap().entrySet()) {
                    fields.put(field.getKey(), normalize(field.getValue()));
                }
            } else {
                Object[] attributes = struct.getAttributes();
                for (int i = 0; i < attributes.length; i++) {
                    fields.put("f" + (i + 1), normalize(attributes[i]));
                }
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                entries.put(String.valueOf(normalize(entry.getKey())), normalize(entry.getValue()));
            }
            return entries;
        }
        if (value instanceof Blob blob) {
            long length = blob.length();
            return new Bytes(length == 0 ? new byte[0] : blob.getBytes(1, (int) length));
        }
        if (value instanceof byte[] bytes) {
            return new Bytes(bytes);
        }
        if (value instanceof org.duckdb.JsonNode json) {
            return parseJson(json.toString());
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        return value;
    }

    /** A JSON column's text as a Jackson tree; text that is not JSON stays text. */
    public static Object parseJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
