package io.rowdesk.search;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "5 most recent", "oldest", "largest 3 gmv", "cheapest": a sort on the column named right after (a
 * date for recent/oldest, a number otherwise), else the date or money column, maybe a limit.
 */
final class SuperlativeRule implements PhraseRule {
    private record Direction(Pattern pattern, boolean temporal, boolean descending) {}

    private static final Pattern FIRST = Pattern.compile(" (?:first|on top)\\b");
    private static final java.util.List<Direction> DIRECTIONS =
            java.util.List.of(
                    new Direction(words("most recent|newest|latest|recent"), true, true),
                    new Direction(words("oldest|earliest"), true, false),
                    new Direction(words("largest|biggest|highest|most expensive"), false, true),
                    new Direction(words("smallest|lowest|cheapest|least expensive"), false, false));

    private static Pattern words(String alternatives) {
        return Pattern.compile(
                "\\b(?:(?<before>\\d+) )?(?:" + alternatives + ")(?: (?<after>\\d+))?\\b");
    }

    @Override
    public void match(ParseState s) {
        for (Direction direction : DIRECTIONS) {
            Matcher m = direction.pattern().matcher(s.text);
            while (m.find()) {
                if (s.isUsed(m.start(), m.end())) {
                    continue;
                }
                int end = m.end();
                String defaultColumn =
                        direction.temporal()
                                ? s.vocabulary.dateColumn()
                                : s.vocabulary.moneyColumn();
                Optional<ParseState.Span> named = s.nextColumn(end, s.vocabulary::isNumeric);
                String column = named.map(ParseState.Span::column).orElse(defaultColumn);
                if (direction.temporal()) {
                    Optional<ParseState.Span> dateNamed =
                            s.nextColumn(end, s.vocabulary::isTemporal);
                    if (dateNamed.isPresent()) {
                        named = dateNamed;
                        column = dateNamed.get().column();
                    }
                }
                if (column == null) {
                    continue;
                }
                String count = m.group("before") != null ? m.group("before") : m.group("after");
                if (count != null) {
                    s.limit = Integer.parseInt(count);
                }
                s.sort.add(new QuerySpec.Sort(column, direction.descending()));
                int last = named.map(ParseState.Span::end).orElse(end);
                s.use(m.start(), last);
                Matcher first = FIRST.matcher(s.text).region(last, s.text.length());
                if (first.lookingAt()) {
                    s.use(first.start(), first.end());
                }
            }
        }
    }
}
