package io.rowdesk.search.llm;

/**
 * The model gave no usable answer. The message is worded for the user and never carries the API key
 * or the provider's raw response.
 */
public final class LlmException extends RuntimeException {
    public enum Kind {
        /** No answer within {@code llm.timeout_seconds}. */
        TIMEOUT,
        /** The provider could not be reached or answered with an error. */
        UNAVAILABLE,
        /**
         * The answer (and its one repair) could not run: unreadable, unknown columns, refused by
         * the guard, failed.
         */
        REFUSED,
        /** The model said the question cannot be answered from the relation. */
        UNANSWERABLE
    }

    private final Kind kind;

    public LlmException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
