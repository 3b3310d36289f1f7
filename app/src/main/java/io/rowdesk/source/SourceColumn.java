package io.rowdesk.source;

/**
 * A column of a streamed table: its name, its type at the source, the DuckDB type it is cached as,
 * and how its values are written in the stream.
 */
public record SourceColumn(String name, String sourceType, String cacheType, Encoding encoding) {
    /** How a value travels in the CSV stream. */
    public enum Encoding {
        /** as text DuckDB parses directly into {@code cacheType} */
        TEXT,
        /** as JSON text, cast to {@code cacheType} (arrays become lists, json stays JSON) */
        JSON,
        /** as hexadecimal digits (bytea → BLOB) */
        HEX
    }
}
