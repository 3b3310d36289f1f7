package io.rowdesk.duck;

/** Quoting for the few names and literals that cannot be bound as parameters. */
public final class SqlIdentifiers {
    private SqlIdentifiers() {}

    /** Quotes an identifier that comes from the catalog or configuration, never from user text. */
    public static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * Quotes a string literal for the few DuckDB statements that take no bound parameters (ATTACH,
     * COPY TO).
     */
    public static String quoteLiteral(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
