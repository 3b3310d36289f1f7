package io.rowdesk.search;

import io.rowdesk.query.QueryResult;
import java.util.List;

/**
 * What a search answered: the SQL that ran (values written in), which engine translated it ("local"
 * or "llm"), how it was understood, and the rows. {@code notice} (null when there is nothing to
 * say) tells the user that the language model was wanted but the local translation is shown
 * instead, and why.
 */
public record SearchResult(
        String sql,
        String engine,
        List<Chip> chips,
        double understood,
        List<String> unmatched,
        QueryResult result,
        long total,
        String notice) {}
