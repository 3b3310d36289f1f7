package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Superlatives: "5 most recent", "oldest", "the most expensive camera", "the lightest phone", "the
 * 10 posts with the most replies", "the highest rated products": ORDER BY the measure the words
 * name, and LIMIT the number asked, else 1 when one thing is asked for ("the cheapest keyboard").
 * The measure is the column named right after (a date for recent/oldest, a number otherwise, any
 * form of its name), else a column of the adjective's dimension (heaviest → weight), else the date
 * or money column.
 */
final class SuperlativeRule implements PhraseRule {
    private enum Measure {
        TEMPORAL,
        NUMBER
    }

    private record Direction(
            Pattern pattern, Measure measure, boolean descending, List<String> dimension) {
        Direction(String alternatives, Measure measure, boolean descending, String... dimension) {
            this(
                    Pattern.compile(
                            "(?<!\\bat )\\b(?:(?<before>\\d+) )?(?:"
                                    + alternatives
                                    + ")(?: (?<after>\\d+))?\\b"),
                    measure,
                    descending,
                    List.of(dimension));
        }
    }

    private static final List<Direction> DIRECTIONS =
            List.of(
                    new Direction(
                            "most recently|most recent|newest|latest|recent",
                            Measure.TEMPORAL,
                            true),
                    new Direction("oldest|earliest", Measure.TEMPORAL, false),
                    new Direction(
                            "most expensive|priciest|costliest",
                            Measure.NUMBER,
                            true,
                            "price",
                            "cost"),
                    new Direction(
                            "cheapest|least expensive", Measure.NUMBER, false, "price", "cost"),
                    new Direction("heaviest", Measure.NUMBER, true, "weight", "mass"),
                    new Direction("lightest", Measure.NUMBER, false, "weight", "mass"),
                    new Direction("hottest|warmest", Measure.NUMBER, true, "temperature", "temp"),
                    new Direction("coldest|coolest", Measure.NUMBER, false, "temperature", "temp"),
                    new Direction("most humid|wettest", Measure.NUMBER, true, "humidity"),
                    new Direction("least humid|driest", Measure.NUMBER, false, "humidity"),
                    new Direction(
                            "longest", Measure.NUMBER, true, "length", "duration", "distance"),
                    new Direction(
                            "shortest", Measure.NUMBER, false, "length", "duration", "distance"),
                    new Direction(
                            "tallest", Measure.NUMBER, true, "height", "elevation", "altitude"),
                    new Direction(
                            "largest|biggest|highest|greatest|most",
                            Measure.NUMBER,
                            true,
                            "elevation",
                            "height",
                            "altitude"),
                    new Direction(
                            "smallest|lowest|fewest|least",
                            Measure.NUMBER,
                            false,
                            "elevation",
                            "height",
                            "altitude"));

    private static final Pattern WHAT_IS_THE =
            Pattern.compile("^(?:what|which) (?:is|was|are|were) (?:the )?$");
    private static final Pattern FIRST = Pattern.compile(" (?:first|on top)\\b");
    private static final Pattern FIRST_AT_END = Pattern.compile("\\b(?:first|on top)$");
    private static final Pattern LEADING_COUNT =
            Pattern.compile(
                    "^(?:(?:list|show(?: me)?|get|give me|find|what are) )?(?:the )?(?<count>\\d+) (?=[a-z])");

    @Override
    public void match(ParseState s) {
        boolean found = false;
        boolean counted = false;
        for (Direction direction : DIRECTIONS) {
            Matcher m = direction.pattern().matcher(s.text);
            while (m.find()) {
                if (s.isUsed(m.start(), m.end())) {
                    continue;
                }
                int end = m.end();
                boolean generic = direction.measure() == Measure.NUMBER;
                Optional<ParseState.Span> named =
                        s.nextColumn(
                                end,
                                direction.measure() == Measure.TEMPORAL
                                        ? s.vocabulary::isTemporal
                                        : s.vocabulary::isNumeric);
                String column = named.map(ParseState.Span::column).orElse(null);
                if (column == null && direction.measure() == Measure.TEMPORAL) {
                    Optional<ParseState.Span> before =
                            s.columnBefore(m.start(), s.vocabulary::isTemporal);
                    if (before.isPresent()) {
                        column = before.get().column();
                        s.use(before.get().start(), before.get().end());
                    }
                }
                if (column == null) {
                    column = dimensionColumn(s, direction.dimension());
                }
                if (column == null) {
                    column =
                            direction.measure() == Measure.TEMPORAL
                                    ? s.vocabulary.dateColumn()
                                    : s.text.substring(m.start(), m.end())
                                                    .matches(".*\\b(?:most|least|fewest)\\b.*")
                                            ? null
                                            : s.vocabulary.moneyColumn();
                }
                if (column == null) {
                    continue;
                }
                String count = m.group("before") != null ? m.group("before") : m.group("after");
                if (count != null) {
                    s.limit = ParseState.count(count);
                    counted = true;
                }
                s.sort.add(new QuerySpec.Sort(column, direction.descending()));
                if (s.columns.isEmpty()
                        && WHAT_IS_THE.matcher(s.text.substring(0, m.start())).matches()) {
                    // "what is the lowest temperature": the value itself is asked for
                    s.columns.add(column);
                }
                int last = named.map(ParseState.Span::end).orElse(end);
                s.use(m.start(), last);
                found = true;
                Matcher first = FIRST.matcher(s.text).region(last, s.text.length());
                if (first.lookingAt()) {
                    s.use(first.start(), first.end());
                    counted = true;
                }
            }
        }
        if (!found || counted) {
            return;
        }
        Matcher leading = LEADING_COUNT.matcher(s.text);
        if (leading.find() && !s.isUsed(leading.start("count"), leading.end("count"))) {
            s.limit = ParseState.count(leading.group("count"));
            s.use(leading.start("count"), leading.end("count"));
        } else if (!FIRST_AT_END.matcher(s.text).find() && !pluralThing(s) && s.limit == null) {
            s.limit = 1;
        }
    }

    /** A column whose name holds one of the adjective's dimension words ("weight_kg"). */
    private static String dimensionColumn(ParseState s, List<String> dimension) {
        for (String word : dimension) {
            for (String column : s.vocabulary.columns()) {
                if (s.vocabulary.isNumeric(column) && List.of(column.split("_")).contains(word)) {
                    return column;
                }
            }
        }
        return null;
    }

    /** "payouts" rather than "payout": more than one thing is asked for. */
    private static boolean pluralThing(ParseState s) {
        for (int[] span : s.words()) {
            String word = s.text.substring(span[0], span[1]);
            String singular = Vocabulary.singular(word);
            if (!singular.equals(word) && s.vocabulary.isRelationWord(word)) {
                return true;
            }
        }
        return false;
    }
}
