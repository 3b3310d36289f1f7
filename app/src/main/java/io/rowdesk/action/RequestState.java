package io.rowdesk.action;

import java.util.Locale;

/** Where a request is; the API spells each in lower case. */
public enum RequestState {
    QUEUED,
    PENDING_APPROVAL,
    SENDING,
    SUCCEEDED,
    FAILED,
    REJECTED,
    CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Queued, waiting for approval or being sent: a second click returns it. */
    public boolean open() {
        return this == QUEUED || this == PENDING_APPROVAL || this == SENDING;
    }

    public static RequestState parse(String text) {
        for (RequestState state : values()) {
            if (state.label().equalsIgnoreCase(text.trim())) {
                return state;
            }
        }
        return null;
    }
}
