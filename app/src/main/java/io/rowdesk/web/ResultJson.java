package io.rowdesk.web;

import io.rowdesk.query.QueryResult;
import java.util.List;
import java.util.Map;

/** Columns and rows of a result as the JSON API writes them. */
public final class ResultJson {
    private ResultJson() {}

    public static List<Map<String, String>> columns(QueryResult result) {
        return result.columns().stream()
                .map(c -> Map.of("name", c.name(), "type", c.type()))
                .toList();
    }

    public static List<List<Object>> rows(QueryResult result) {
        return result.rows().stream()
                .map(row -> row.stream().map(JsonValues::toJson).toList())
                .toList();
    }
}
