package io.rowdesk.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place that configures Jackson: ISO-8601 dates, Java time types, records. An {@code
 * ObjectMapper} is thread-safe once built, so everyone shares {@link #MAPPER}; callers that need
 * another setting (canonical key order for the audit hash) start from {@link #builder()}.
 */
public final class Json {
    public static final ObjectMapper MAPPER = builder().build();

    static {
        // a number where text is expected is a mistake in the request, not something to convert
        MAPPER.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private Json() {}

    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // request bodies name their fields exactly: a typo is an error, not ignored
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1.5 is not a whole number: refuse it rather than cut it to 1
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
