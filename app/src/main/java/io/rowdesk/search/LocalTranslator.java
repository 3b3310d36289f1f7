package io.rowdesk.search;

import io.rowdesk.error.UserFacingException;
import io.rowdesk.search.semantic.SemanticMatcher;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The instant, offline translator: reads a terse English search over one relation into a {@link
 * QuerySpec}. It works phrase class by phrase class (dates, numbers, sort and limit, aggregates,
 * text, nulls, category values with negation, "or"), marking the characters each phrase used;
 * whatever content word is left is reported, never silently dropped.
 */
public final class LocalTranslator {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(LocalTranslator.class);
    static final Set<String> STOPWORDS =
            Set.of(
                    "show",
                    "me",
                    "list",
                    "all",
                    "the",
                    "a",
                    "an",
                    "of",
                    "with",
                    "for",
                    "in",
                    "on",
                    "from",
                    "to",
                    "and",
                    "that",
                    "which",
                    "who",
                    "whose",
                    "are",
                    "is",
                    "were",
                    "was",
                    "be",
                    "been",
                    "have",
                    "has",
                    "had",
                    "by",
                    "please",
                    "find",
                    "get",
                    "got",
                    "give",
                    "what",
                    "where",
                    "i",
                    "want",
                    "see",
                    "any",
                    "rows",
                    "records",
                    "entries",
                    "ones",
                    "them",
                    "their",
                    "there",
                    "only",
                    "just",
                    "do",
                    "does",
                    "did",
                    "we",
                    "our",
                    "my",
                    "it",
                    "its",
                    "at",
                    "as",
                    "than",
                    "this",
                    "these",
                    "those",
                    "status",
                    "currently",
                    "now",
                    "yet",
                    "so",
                    "far",
                    "total",
                    "each",
                    "every",
                    "per",
                    "many",
                    "much",
                    "how",
                    "or",
                    "s",
                    "'s",
                    "being",
                    "ever",
                    "still",
                    "made",
                    "via",
                    "out",
                    "items",
                    "item",
                    "using",
                    "through",
                    "into",
                    "across",
                    "over",
                    // imperative and filler words of a request, never a condition
                    "return",
                    "display",
                    "tell",
                    "can",
                    "you",
                    "could",
                    "kindly",
                    "table",
                    "column",
                    "columns",
                    "field",
                    "fields",
                    "results",
                    "everything",
                    "used",
                    "among",
                    // "on a single invoice", "the largest discount we have given"
                    "single",
                    "everyone",
                    "everybody",
                    "given",
                    // "applications that came in today": arriving is the rows' own date
                    "came",
                    "come");

    /**
     * The result: the query, how much of the question it covers, and the words it could not place.
     */
    public record Translation(QuerySpec spec, double understood, List<String> unmatched) {
        public boolean complete() {
            return unmatched.isEmpty();
        }
    }

    private final SemanticMatcher semantic;

    /** A translator without words close in meaning. */
    public LocalTranslator() {
        this(null);
    }

    /** {@code semantic} (may be null) matches words no rule placed to values close in meaning. */
    public LocalTranslator(SemanticMatcher semantic) {
        this.semantic = semantic;
    }

    /**
     * The phrase rules in the order they run: each sees what the ones before it used. Dates first
     * ("last 30 days" is not a number), superlatives and limits before numbers ("top 10"), values
     * after nulls and text, words close in meaning only for what is left, "or" last.
     */
    static final List<PhraseRule> RULES =
            List.of(
                    new DateRule(),
                    new ProjectionRule(),
                    new DistinctRule(),
                    new GroupSuperlativeRule(),
                    new HavingRule(),
                    new TopGroupRule(),
                    new SuperlativeRule(),
                    new TopRule(),
                    new AggregateRule(),
                    new GroupRule(),
                    new TextRule(),
                    new NumberRule(),
                    new BooleanRule(),
                    new NullRule(),
                    new RelationWordRule(),
                    new ValueRule(),
                    new QualifierRule(),
                    new CloseInMeaningRule(),
                    new NameRule(),
                    new JoinedRelationRule(),
                    new DisjunctionRule());

    public Translation translate(String question, Vocabulary vocabulary, LocalDate today) {
        ParseState state = new ParseState(normalize(question), vocabulary, semantic, today);
        for (PhraseRule rule : RULES) {
            try {
                rule.match(state);
            } catch (UserFacingException e) {
                throw e; // a rule that knows what is wrong says so ("feb 31 2024" is no date)
            } catch (RuntimeException e) {
                // A rule that trips over odd input places nothing; its words stay unmatched and
                // the question gets a 422 with suggestions, never a 500.
                LOG.warn(
                        "phrase rule {} failed on a question: {}",
                        rule.getClass().getSimpleName(),
                        e.toString());
            }
        }
        return state.result();
    }

    static String normalize(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replace('’', '\'')
                .replace('“', '"')
                .replace('”', '"')
                .replaceAll("[?!;:()]", " ")
                .replaceAll("\\bnon-(?=[a-z])", "non ")
                .replaceAll("\\bwhat's\\b", "what is")
                .replaceAll("\\b(we|you|they)'ve\\b", "$1 have")
                .replaceAll(" on file\\b", "")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
