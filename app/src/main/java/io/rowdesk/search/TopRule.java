package io.rowdesk.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "top 10 (by mrr)", "first 5", "sorted by amount desc": a limit and an ordering; "first"/"last" or
 * "desc" at the end of an ordered question is used.
 */
final class TopRule implements PhraseRule {
    private static final Pattern TOP =
            Pattern.compile("\\b(?<direction>top|bottom|first|last) (?<count>\\d+)\\b");
    private static final Pattern SORTED_BY =
            Pattern.compile(
                    "(?<!\\bper )\\b(?:sorted|sort|ordered|order|ranked|rank) by (?<column>[a-z_ ]+?)(?: (?<direction>desc|descending|asc|ascending))?\\b(?=$| )");
    private static final Pattern TRAILING_DIRECTION =
            Pattern.compile("\\b(?:first|last|on top)$|\\b(?:desc|descending|asc|ascending)$");

    @Override
    public void match(ParseState s) {
        Matcher m = TOP.matcher(s.text);
        while (m.find()) {
            if (s.isUsed(m.start(), m.end())) {
                continue;
            }
            String direction = m.group("direction");
            boolean descending = !direction.equals("bottom") && !direction.equals("first");
            s.limit = ParseState.count(m.group("count"));
            s.use(m.start(), m.end());
            Optional<ParseState.Span> by = s.byColumnAfter(m.end(), 6, c -> true);
            if (by.isEmpty()) {
                by = s.columnAt(m.end(), s.vocabulary::isNumeric);
            }
            if (by.isPresent()) {
                s.sort.add(0, new QuerySpec.Sort(by.get().column(), descending));
                s.use(by.get().start(), by.get().end());
            } else if (s.sort.isEmpty()) {
                boolean byDate = direction.equals("first") || direction.equals("last");
                String column = byDate ? s.vocabulary.dateColumn() : s.vocabulary.moneyColumn();
                if (column != null) {
                    s.sort.add(new QuerySpec.Sort(column, descending));
                }
            }
        }
        Matcher by = SORTED_BY.matcher(s.text);
        while (by.find()) {
            Optional<ParseState.Span> column = s.columnAt(by.start("column"), c -> true);
            if (column.isPresent() && !s.isUsed(by.start(), column.get().end())) {
                String direction = by.group("direction");
                boolean desc = direction != null && direction.startsWith("desc");
                s.sort.add(new QuerySpec.Sort(column.get().column(), desc));
                s.use(by.start(), direction != null ? by.end("direction") : column.get().end());
            }
        }
        if (!s.sort.isEmpty()) {
            Matcher first = TRAILING_DIRECTION.matcher(s.text);
            if (first.find() && !s.isUsed(first.start(), first.end())) {
                s.use(first.start(), first.end());
            }
        }
    }
}
