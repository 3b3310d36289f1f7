package io.rowdesk.config;

/**
 * {@code grid:} {@code orderings_disk}, the disk space all sorted copies of the grid may take
 * together (a size such as {@code 10GB}); beyond it the least recently used are dropped.
 */
public record GridConfig(long orderingsDiskBytes) {
    public static final GridConfig DEFAULT = new GridConfig(10L << 30);
}
