package io.rowdesk.cache;

import java.nio.file.Path;
import java.time.Instant;

/** A closed DuckDB file holding one relation's data as of one load. */
public record Snapshot(
        String relation,
        String source,
        Path file,
        long rowCount,
        Instant loadedAt,
        String fingerprint) {}
