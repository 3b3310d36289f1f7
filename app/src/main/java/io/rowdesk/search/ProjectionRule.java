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
                            + "(?:the |all (?:of )?(?:the )?|their |its )?(?<columns>[a-z0-9_][a-z0-9_ ,-]*?),? (?:of|for) ");

    /** "who reported the checkout bugs": the person column of that verb (reporter). */
    private static final Pattern WHO = Pattern.compile("^who (?<verb>[a-z]+ed)\\b");

    private static final Pattern SEPARATOR = Pattern.compile(",? and |, |,");

    /** "reporter" of reported, "inspector" of inspected, "assignee" of assigned. */
    private static boolean doer(String noun, String verbStem) {
        return Stems.stem(noun).equals(verbStem)
                || noun.startsWith(verbStem) && noun.matches(".*(?:er|or|ee)$");
    }

    private static final Pattern DATE = Pattern.compile("(?:.+ )?(?:dates?|days?|times?)|when");

    @Override
    public void match(ParseState s) {
        Matcher who = WHO.matcher(s.text);
        if (who.find()) {
            String stem = Stems.stem(who.group("verb"));
            s.vocabulary.columns().stream()
                    .filter(c -> s.vocabulary.isText(c) && doer(c.split("_")[0], stem))
                    .findFirst()
                    .ifPresent(
                            c -> {
                                s.columns.add(c);
                                s.use(who.start(), who.end());
                            });
            if (!s.columns.isEmpty()) {
                return;
            }
        }
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
            if (column.isEmpty() && DATE.matcher(words).matches()) {
                // "title and date of ...": the rows' own date; "move-out date": that event's
                String event = words.replaceFirst(" ?(?:dates?|days?|times?)$", "");
                column =
                        event.isEmpty() || event.equals("when")
                                ? Optional.ofNullable(s.vocabulary.dateColumn())
                                : s.vocabulary.column(event).filter(s.vocabulary::isTemporal);
            }
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
