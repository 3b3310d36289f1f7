package io.rowdesk.search;

import io.rowdesk.query.QueryResult;
import java.util.List;

/** What a search answered: the SQL that ran (values written in), how it was understood, and the rows. */
public record SearchResult(String sql, String engine, List<Chip> chips, double understood, List<String> unmatched,
                           QueryResult result, long total) {
}
