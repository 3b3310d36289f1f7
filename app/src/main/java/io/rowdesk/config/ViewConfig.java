package io.rowdesk.config;

/**
 * {@code views[i]:} a relation defined in SQL over other relations. {@code sqlFile} names a file
 * under the classpath {@code sql/} folder (e.g. {@code views/payout_review.sql}) or on disk.
 */
public record ViewConfig(String name, String sql, String sqlFile) {}
