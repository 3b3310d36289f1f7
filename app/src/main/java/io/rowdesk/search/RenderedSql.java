package io.rowdesk.search;

import java.util.List;

/** SQL text with its bound values, in order. */
public record RenderedSql(String sql, List<Object> params) {
    public RenderedSql {
        params = List.copyOf(params);
    }

    /**
     * The SQL with its values written in as literals, for people to read and for a builder to edit
     * and run through the guard. Never executed as it is by the search itself.
     */
    public String display() {
        StringBuilder out = new StringBuilder();
        int next = 0;
        boolean quoted = false;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted && next < params.size()) {
                out.append(literal(params.get(next++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
        }
        if (value instanceof java.time.LocalDateTime ts) {
            return "TIMESTAMP '"
                    + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME
                            .format(ts)
                            .replace('T', ' ')
                    + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
