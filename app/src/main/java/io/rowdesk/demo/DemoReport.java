package io.rowdesk.demo;

import java.util.List;
import java.util.Objects;

/** What {@link DemoWarehouse#generate} produced, and how long it took. */
public record DemoReport(DemoSettings settings, List<TableReport> tables, long elapsedMillis) {

    /** One table: {@code source} is {@code app} or {@code warehouse}. */
    public record TableReport(String source, String table, long rows, long elapsedMillis) {}

    public DemoReport {
        Objects.requireNonNull(settings, "settings is null");
        tables = List.copyOf(tables);
    }

    public long rows(String table) {
        return tables.stream()
                .filter(t -> t.table().equals(table))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo table " + table))
                .rows();
    }
}
