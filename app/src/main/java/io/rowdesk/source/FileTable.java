package io.rowdesk.source;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A table stored as one Parquet, CSV or JSON file, or as several matched by a glob ({@code pattern}
 * is then the absolute glob DuckDB reads).
 */
public record FileTable(
        String relation,
        String source,
        String pattern,
        Format format,
        String fingerprint,
        String keyColumn)
        implements SourceTable {
    public enum Format {
        PARQUET,
        CSV,
        JSON
    }

    public FileTable(String relation, String source, Path file, Format format, String fingerprint) {
        this(relation, source, file.toAbsolutePath().toString(), format, fingerprint, null);
    }

    @Override
    public Optional<String> key() {
        return Optional.ofNullable(keyColumn);
    }

    /** The format a file name says, or null when it is not a table file. */
    public static Format formatOf(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".tsv")) {
            return Format.CSV;
        }
        if (lower.endsWith(".json")
                || lower.endsWith(".ndjson")
                || lower.endsWith(".jsonl")
                || lower.endsWith(".json.gz")
                || lower.endsWith(".ndjson.gz")) {
            return Format.JSON;
        }
        return null;
    }
}
