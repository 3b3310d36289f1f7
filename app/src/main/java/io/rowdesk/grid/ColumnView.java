package io.rowdesk.grid;

import io.rowdesk.config.ColumnFormat;

/**
 * How one column is presented: its label, its format, whether it starts hidden, and its SQL type
 * (shown in a tooltip).
 */
public record ColumnView(
        String name, String type, String label, ColumnFormat format, boolean hidden) {}
