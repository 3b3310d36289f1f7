package io.rowdesk.search;

/**
 * One phrase class of the local translator (dates, numbers, superlatives, ...), in the shape of
 * Trino's {@code ConnectorExpressionRule}: static patterns with named groups, and one {@code match}
 * that reads the shared {@link ParseState}, adds what it found and marks the words it used. Rules
 * run in the order {@link LocalTranslator#RULES} lists them; a rule never undoes another's work.
 */
interface PhraseRule {
    void match(ParseState state);
}
