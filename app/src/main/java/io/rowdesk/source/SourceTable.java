package io.rowdesk.source;

/**
 * A table a source offers, named as the relation it becomes. Sealed: the cache writer handles each
 * way of reading a table (files now; streamed rows from Postgres and BigQuery with the sync issue).
 */
public sealed interface SourceTable permits FileTable {
    String relation();

    String source();

    /** What identifies this version of the data; a change means the cached snapshot is stale. */
    String fingerprint();
}
