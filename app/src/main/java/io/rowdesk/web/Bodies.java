package io.rowdesk.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.rowdesk.error.UserFacingException;
import java.io.IOException;

/** JSON request bodies into records; anything unreadable is a 400 that says what to send. */
final class Bodies {
    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Bodies() {}

    static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body == null || body.isBlank()) {
            throw UserFacingException.badRequest("Send a JSON object.");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw UserFacingException.badRequest("Send a JSON object.");
            }
            return value;
        } catch (IOException e) {
            throw UserFacingException.badRequest(
                    "The body is not the JSON object this address expects.");
        }
    }
}
