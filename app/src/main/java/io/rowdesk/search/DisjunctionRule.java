package io.rowdesk.search;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "or" between two conditions with only filler words between: one {@link Condition.AnyOf}. */
final class DisjunctionRule implements PhraseRule {
    private static final Pattern OR = Pattern.compile("\\bor\\b");

    @Override
    public void match(ParseState s) {
        Matcher or = OR.matcher(s.text);
        while (or.find()) {
            ParseState.Found left = null;
            ParseState.Found right = null;
            for (ParseState.Found found : s.conditions) {
                if (found.end() <= or.start()
                        && s.onlyFillerBetween(found.end(), or.start())
                        && (left == null || found.end() > left.end())) {
                    left = found;
                }
                if (found.start() >= or.end()
                        && s.onlyFillerBetween(or.end(), found.start())
                        && (right == null || found.start() < right.start())) {
                    right = found;
                }
            }
            if (left == null || right == null || left == right) {
                continue;
            }
            s.conditions.remove(left);
            s.conditions.remove(right);
            s.conditions.add(
                    new ParseState.Found(
                            left.start(),
                            right.end(),
                            new Condition.AnyOf(
                                    List.of(left.condition(), right.condition()),
                                    left.condition().label()
                                            + " or "
                                            + right.condition().label())));
            s.use(or.start(), or.end());
        }
    }
}
