package io.rowdesk.query;

import java.util.List;

/** Rows of a query, values as Java objects (BigDecimal, Long, LocalDateTime, String, ...). */
public record QueryResult(List<Column> columns, List<List<Object>> rows, boolean truncated) {}
