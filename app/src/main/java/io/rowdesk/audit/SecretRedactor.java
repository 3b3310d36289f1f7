package io.rowdesk.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Replaces values under secret-looking keys, at any depth, before anything is stored or shown. */
public final class SecretRedactor {
    public static final String REDACTED = "[redacted]";
    private static final Pattern SECRET_KEY =
            Pattern.compile(
                    "(?i).*(password|passwd|secret|token|api[_-]?key|authorization|cookie|credential|private[_-]?key).*");

    private SecretRedactor() {}

    public static Map<String, Object> redact(Map<String, ?> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach(
                (key, value) ->
                        out.put(
                                key,
                                SECRET_KEY.matcher(key).matches() && value != null
                                        ? REDACTED
                                        : redactValue(value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return redact((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SecretRedactor::redactValue).toList();
        }
        return value;
    }
}
