package io.rowdesk.source;

/**
 * A table a source offers, named as the relation it becomes. Sealed: the cache writer handles each
 * way of reading a table: files that DuckDB reads itself, and rows streamed by the source.
 */
public sealed interface SourceTable permits FileTable, StreamedTable {
    String relation();

    String source();

    /** What identifies this version of the data; a change means the cached snapshot is stale. */
    String fingerprint();

    /** The column that identifies a row (for merges and refresh by key), if known. */
    default java.util.Optional<String> key() {
        return java.util.Optional.empty();
    }

    /** The column whose growth marks new and changed rows (incremental sync), if any. */
    default java.util.Optional<String> cursor() {
        return java.util.Optional.empty();
    }
}
