package io.rowdesk.action;

import java.time.Duration;
import java.util.Optional;

/** What one attempt came to. */
public record Delivery(
        Kind kind,
        Integer status,
        String errorClass,
        String response,
        Optional<Duration> retryAfter) {

    /** Whether the request is done, may succeed later, or will not. */
    public enum Kind {
        SUCCEEDED,
        RETRY,
        FAILED
    }

    public static final int MAX_RESPONSE = 500;

    public static Delivery of(Kind kind, Integer status, String errorClass, String response) {
        return new Delivery(kind, status, errorClass, truncate(response), Optional.empty());
    }

    static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_RESPONSE ? text : text.substring(0, MAX_RESPONSE) + "…";
    }

    /**
     * The HTTP rule: 2xx done; 408, 429 and 5xx may succeed later; anything else (other 4xx, a
     * redirect, which is never followed) will not.
     */
    public static Delivery ofStatus(int status, String body, Optional<Duration> retryAfter) {
        Kind kind;
        if (status >= 200 && status < 300) {
            kind = Kind.SUCCEEDED;
        } else if (status == 408 || status == 429 || status >= 500) {
            kind = Kind.RETRY;
        } else {
            kind = Kind.FAILED;
        }
        String error = null;
        if (status >= 300 && status < 400) {
            error = "redirect not followed";
        }
        return new Delivery(kind, status, error, truncate(body), retryAfter);
    }
}
