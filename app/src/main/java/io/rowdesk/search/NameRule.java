package io.rowdesk.search;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names from the {@link NameIndex}: words no other rule placed that are a stored name ("dovetail
 * growth" → partner_name = 'Dovetail Growth'), the first words of names ("dovetail" → partner_name
 * starts with "dovetail"), a word of the names of one column ("growth" → contains), or a close
 * spelling of either ("dovetale growth" → 'Dovetail Growth'); the chip names the column.
 *
 * <p>When several columns hold the name, the column of the person who acted ({@code decided_by},
 * {@code approved_by}, an approver or owner) is read after "by" or "did" ("approved by priya", "how
 * many did priya approve"), and any other column first otherwise ("payouts for priya"); in a view,
 * a joined relation named next to the name picks its column ("referrers priya").
 */
final class NameRule implements PhraseRule {
    /** Columns that hold who did something. */
    private static final Pattern ACTOR =
            Pattern.compile(".*(_by|approver|owner|assignee|author|creator|reviewer)$");

    @Override
    public void match(ParseState s) {
        NameIndex names = s.vocabulary.names();
        if (names.isEmpty()) {
            return;
        }
        List<int[]> spans = s.words();
        for (int i = 0; i < spans.size(); i++) {
            for (int n = Math.min(4, spans.size() - i); n >= 1; n--) {
                int start = spans.get(i)[0];
                int end = spans.get(i + n - 1)[1];
                String phrase = s.text.substring(start, end);
                if (s.isUsed(start, end)
                        || ParseState.STOPWORDS.contains(phrase)
                        || s.vocabulary.isRelationWord(phrase)
                        || s.vocabulary.column(phrase).isPresent()
                        || phrase.length() < 3
                        || phrase.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                    continue;
                }
                Optional<NameIndex.Match> match = choose(s, names.findAll(phrase), i, start, end);
                if (match.isEmpty()) {
                    continue;
                }
                NameIndex.Match m = match.get();
                boolean negated = s.precededByNegation(start);
                int from = negated ? s.negationStart(start) : start;
                s.use(from, end);
                s.conditions.add(new ParseState.Found(from, end, condition(m, phrase, negated)));
                i += n - 1;
                break;
            }
        }
    }

    /** Among the columns' best matches (best kind first), the one the words around point at. */
    private static Optional<NameIndex.Match> choose(
            ParseState s, List<NameIndex.Match> found, int word, int start, int end) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NameIndex.Kind best = found.get(0).kind();
        List<NameIndex.Match> candidates = found.stream().filter(m -> m.kind() == best).toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        Optional<int[]> joined = s.joinedRelationNextTo(start, end);
        if (joined.isPresent()) {
            String origin =
                    s.vocabulary
                            .joinedRelation(s.text.substring(joined.get()[0], joined.get()[1]))
                            .orElseThrow();
            Optional<NameIndex.Match> fromIt =
                    candidates.stream()
                            .filter(
                                    m ->
                                            s.vocabulary
                                                    .origin(m.column())
                                                    .filter(origin::equals)
                                                    .isPresent())
                            .findFirst();
            if (fromIt.isPresent()) {
                s.use(joined.get()[0], joined.get()[1]);
                return fromIt;
            }
        }
        boolean actor = actorContext(s, word);
        return candidates.stream()
                .filter(m -> ACTOR.matcher(m.column()).matches() == actor)
                .findFirst()
                .or(() -> Optional.of(candidates.get(0)));
    }

    /** "by priya", "did priya approve": the name is who acted. */
    private static boolean actorContext(ParseState s, int word) {
        if (word == 0) {
            return false;
        }
        int[] previous = s.words().get(word - 1);
        String before = s.text.substring(previous[0], previous[1]);
        return before.equals("by") || before.equals("did");
    }

    private static Condition condition(NameIndex.Match m, String phrase, boolean negated) {
        String word = m.column().replace('_', ' ');
        String close = m.fuzzy() ? " (≈ " + phrase + ")" : "";
        return switch (m.kind()) {
            case EXACT, CLOSE_VALUE ->
                    new Condition.InSet(
                            m.column(),
                            List.of(m.value()),
                            negated,
                            word + (negated ? " is not " : " is ") + m.value() + close);
            case PREFIX ->
                    new Condition.Text(
                            m.column(),
                            Condition.Text.Mode.STARTS_WITH,
                            m.value(),
                            negated,
                            word
                                    + (negated ? " does not start with \"" : " starts with \"")
                                    + m.value()
                                    + "\"");
            case WORD, CLOSE_WORD ->
                    new Condition.Text(
                            m.column(),
                            Condition.Text.Mode.CONTAINS,
                            m.value(),
                            negated,
                            word
                                    + (negated ? " does not contain \"" : " contains \"")
                                    + m.value()
                                    + "\""
                                    + close);
        };
    }
}
