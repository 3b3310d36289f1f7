package io.rowdesk.search;

import java.util.List;

/** A question with words the translator could not place: said so, with what to try instead. */
public final class NotUnderstoodException extends RuntimeException {
    private final List<String> unmatched;
    private final List<String> suggestions;
    private final List<Chip> chips;
    private final double understood;

    public NotUnderstoodException(
            String message,
            List<String> unmatched,
            List<String> suggestions,
            List<Chip> chips,
            double understood) {
        super(message);
        this.unmatched = List.copyOf(unmatched);
        this.suggestions = List.copyOf(suggestions);
        this.chips = List.copyOf(chips);
        this.understood = understood;
    }

    public List<String> unmatched() {
        return unmatched;
    }

    public List<String> suggestions() {
        return suggestions;
    }

    public List<Chip> chips() {
        return chips;
    }

    public double understood() {
        return understood;
    }
}
