package io.rowdesk.web;

import io.javalin.http.Context;

/**
 * Query-string parameters through Javalin's validators; a failed check is a {@code
 * ValidationException} that {@link ErrorPages} answers as {@code bad_request} with these messages.
 */
public final class QueryParams {
    private QueryParams() {}

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent or blank. */
    public static long wholeNumber(Context ctx, String name, long fallback, long min, long max) {
        String text =
                ctx.queryParamAsClass(name, String.class)
                        .check(
                                value ->
                                        value == null
                                                || value.isBlank()
                                                || inRange(value, min, max),
                                name + " must be a whole number from " + min + " to " + max)
                        .getOrDefault("");
        return text.isBlank() ? fallback : Long.parseLong(text.trim());
    }

    private static boolean inRange(String text, long min, long max) {
        try {
            long value = Long.parseLong(text.trim());
            return value >= min && value <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
