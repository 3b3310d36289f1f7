package io.rowdesk.source;

import java.util.List;

/** A read-only place tables come from. Knows nothing of DuckDB or HTTP. */
public interface Source {
    String name();

    /** {@code files}, {@code postgres}, ...: as in configuration. */
    default String kind() {
        return "files";
    }

    /** The tables this source offers now. */
    List<SourceTable> tables();

    /** The names of the tables configuration asks for (empty: every table), to report failures. */
    default List<String> configuredTables() {
        return List.of();
    }
}
