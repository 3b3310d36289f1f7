package io.rowdesk.search;

import java.util.List;

/** SQL text with its bound values, in order. */
public record RenderedSql(String sql, List<Object> params) {
    public RenderedSql {
        params = List.copyOf(params);
    }
}
