package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.json.Json;
import java.util.stream.Collectors;

/**
 * Request bodies as records, read by the one configured mapper. Every way a body can be wrong
 * (empty, not JSON, not an object, an unknown field, a field of the wrong type) is a {@code
 * bad_request} that says what to send.
 */
public final class RequestBodies {
    private RequestBodies() {}

    /**
     * @param example a body that would be accepted, shown in the message when this one is not
     */
    public static <T> T read(Context ctx, Class<T> type, String example) {
        String body = ctx.body();
        if (body == null || body.isBlank() || !body.stripLeading().startsWith("{")) {
            throw UserFacingException.badRequest("Send a JSON object, e.g. " + example + ".");
        }
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw UserFacingException.badRequest(
                    "Unknown field \""
                            + e.getPropertyName()
                            + "\"; the fields are "
                            + e.getKnownPropertyIds().stream()
                                    .map(id -> "\"" + id + "\"")
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ".");
        } catch (JsonMappingException e) {
            String field = field(e);
            throw UserFacingException.badRequest(
                    field.isEmpty()
                            ? "The body does not have the expected form; send e.g. " + example + "."
                            : "\"" + field + "\" has the wrong type; send e.g. " + example + ".");
        } catch (JsonProcessingException e) {
            throw UserFacingException.badRequest("The body is not valid JSON.");
        }
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(
                        ref ->
                                ref.getFieldName() != null
                                        ? ref.getFieldName()
                                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
