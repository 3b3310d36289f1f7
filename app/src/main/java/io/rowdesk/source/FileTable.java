package io.rowdesk.source;

import java.nio.file.Path;

/** A table stored as one Parquet or CSV file. */
public record FileTable(
        String relation, String source, Path file, Format format, String fingerprint)
        implements SourceTable {
    public enum Format {
        PARQUET,
        CSV
    }
}
