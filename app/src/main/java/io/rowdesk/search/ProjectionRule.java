package io.rowdesk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The asked columns: "list the name and price of ...", "what is the price of ...", "the title of
 * ...": a row list of those columns. Every listed word must name a column, else the phrase is left
 * to the other rules.
 */
final class ProjectionRule implements PhraseRule {
    private static final Pattern ASKED =
            Pattern.compile(
                    "^(?:(?:please|can you|could you) )?(?:(?:list|show(?: me)?|get|give me|return|display|find|tell me|what (?:is|are|was|were)|what's|which (?:is|are)) )?"
                            + "(?:the |all (?:of )?(?:the )?|their |its )?(?<columns>[a-z0-9_][a-z0-9_ ,]*?),? (?:of|for) ");
    private static final Pattern SEPARATOR = Pattern.compile(",? and |, |,");

    @Override
    public void match(ParseState s) {
        Matcher m = ASKED.matcher(s.text);
        if (!m.find() || s.isUsed(m.start(), m.end())) {
            return;
        }
        List<String> asked = new ArrayList<>();
        for (String phrase : SEPARATOR.split(m.group("columns"))) {
            String words = phrase.replaceFirst("^(?:the|its|their) ", "").trim();
            // "titles" may name the relation and its title column: asked for, it is the column
            Optional<String> column =
                    words.isEmpty()
                            ? Optional.empty()
                            : s.vocabulary.isRelationWord(words)
                                    ? s.vocabulary.columnNamed(words)
                                    : s.entityColumn(words);
            if (column.isEmpty()) {
                return;
            }
            if (!asked.contains(column.get())) {
                asked.add(column.get());
            }
        }
        s.columns.addAll(asked);
        s.use(m.start(), m.end());
    }
}
