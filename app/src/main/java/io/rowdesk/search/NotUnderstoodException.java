package io.rowdesk.search;

import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A question with words the translator could not place: said so, with what to try instead. */
public final class NotUnderstoodException extends UserFacingException {
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
        super(ErrorKind.NOT_UNDERSTOOD, message);
        this.unmatched = List.copyOf(unmatched);
        this.suggestions = List.copyOf(suggestions);
        this.chips = List.copyOf(chips);
        this.understood = understood;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("suggestions", suggestions);
        details.put("unmatched", unmatched);
        details.put("chips", chips);
        details.put("understood", understood);
        return details;
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
