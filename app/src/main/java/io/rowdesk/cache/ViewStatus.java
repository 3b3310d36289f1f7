package io.rowdesk.cache;

/** A view across sources: defined, or broken (e.g. by a schema change) with the error. */
public record ViewStatus(String name, boolean ok, String error) {}
