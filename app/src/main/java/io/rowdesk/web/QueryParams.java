package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.error.UserFacingException;

/** Query-string parameters checked with messages that say what is allowed. */
public final class QueryParams {
    private QueryParams() {}

    public static int integer(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw UserFacingException.badRequest(
                name
                        + " must be a whole number from "
                        + min
                        + " to "
                        + max
                        + ", got '"
                        + text
                        + "'");
    }

    public static long longInteger(Context ctx, String name, long fallback, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw UserFacingException.badRequest(
                name
                        + " must be a whole number from "
                        + min
                        + " to "
                        + max
                        + ", got '"
                        + text
                        + "'");
    }
}
