package io.rowdesk.query;

/** A result or relation column: its name and DuckDB type, e.g. {@code DECIMAL(10,2)}. */
public record Column(String name, String type) {}
