package io.rowdesk.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.json.Json;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body, URL or SQL template with named tokens: {@code {{row.column}}}, {@code {{user.email}}},
 * {@code {{request.id}}}, {@code {{now}}} and {@code {{input.name}}}. The syntax is strict (in the
 * manner of Jdbi's DefinedAttributeTemplateEngine): an unknown token or a {@code {{} that opens no
 * token is an error ({@code }}} alone is fine: JSON closes nested objects so), and rendering is one
 * pass over parsed parts, so a value that looks like a token is never substituted again.
 */
public final class PayloadTemplate {
    private static final Pattern TOKEN =
            Pattern.compile(
                    "\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)\\s*}}");
    private static final ObjectMapper JSON =
            Json.builder()
                    .enable(
                            com.fasterxml.jackson.core.JsonParser.Feature
                                    .STRICT_DUPLICATE_DETECTION)
                    .build();

    /** What a token refers to. */
    public enum Kind {
        ROW,
        USER_EMAIL,
        REQUEST_ID,
        NOW,
        INPUT
    }

    public record Token(Kind kind, String name) {
        public String text() {
            return switch (kind) {
                case ROW -> "{{row." + name + "}}";
                case USER_EMAIL -> "{{user.email}}";
                case REQUEST_ID -> "{{request.id}}";
                case NOW -> "{{now}}";
                case INPUT -> "{{input." + name + "}}";
            };
        }
    }

    /** The values of one rendering. */
    public record Values(
            Map<String, Object> row,
            String userEmail,
            String requestId,
            Instant now,
            Map<String, String> inputs) {}

    /** SQL with a {@code ?} per token and the values to bind, in order. */
    public record BoundSql(String sql, List<Object> params) {}

    private sealed interface Part permits Literal, TokenPart {}

    private record Literal(String text) implements Part {}

    private record TokenPart(Token token) implements Part {}

    private final String source;
    private final List<Part> parts;

    private PayloadTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text}; {@code inputs} are the {@code {{input.x}}} names the action declares.
     *
     * @throws IllegalArgumentException naming the bad token
     */
    public static PayloadTemplate parse(String text, Collection<String> inputs) {
        Objects.requireNonNull(text, "text is null");
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                parts.add(new Literal(text.substring(at, open)));
            }
            Matcher matcher = TOKEN.matcher(text).region(open, text.length());
            if (!matcher.lookingAt()) {
                int close = text.indexOf("}}", open);
                String shown = close < 0 ? text.substring(open) : text.substring(open, close + 2);
                throw new IllegalArgumentException(
                        "'"
                                + abbreviate(shown)
                                + "' is not a token; use {{row.column}}, {{user.email}},"
                                + " {{request.id}}, {{now}} or {{input.name}}");
            }
            parts.add(new TokenPart(token(matcher.group(1), inputs)));
            at = matcher.end();
        }
        return new PayloadTemplate(text, parts);
    }

    private static Token token(String name, Collection<String> inputs) {
        int dot = name.indexOf('.');
        String head = dot < 0 ? name : name.substring(0, dot);
        String tail = dot < 0 ? null : name.substring(dot + 1);
        Token token =
                switch (head) {
                    case "row" -> tail == null ? null : new Token(Kind.ROW, tail);
                    case "user" -> "email".equals(tail) ? new Token(Kind.USER_EMAIL, null) : null;
                    case "request" -> "id".equals(tail) ? new Token(Kind.REQUEST_ID, null) : null;
                    case "now" -> tail == null ? new Token(Kind.NOW, null) : null;
                    case "input" ->
                            tail != null && inputs.contains(tail)
                                    ? new Token(Kind.INPUT, tail)
                                    : null;
                    default -> null;
                };
        if (token == null) {
            throw new IllegalArgumentException(
                    "unknown token {{"
                            + name
                            + "}}; use {{row.column}}, {{user.email}}, {{request.id}}, {{now}}"
                            + (inputs.isEmpty()
                                    ? ""
                                    : " or {{input.name}} with name one of "
                                            + new TreeSet<>(inputs)));
        }
        return token;
    }

    public String source() {
        return source;
    }

    public List<Token> tokens() {
        return parts.stream()
                .filter(TokenPart.class::isInstance)
                .map(p -> ((TokenPart) p).token())
                .toList();
    }

    /** The {@code {{row.x}}} columns the template reads. */
    public Set<String> rowColumns() {
        Set<String> columns = new TreeSet<>();
        for (Token token : tokens()) {
            if (token.kind() == Kind.ROW) {
                columns.add(token.name());
            }
        }
        return columns;
    }

    /** Renders each token as a JSON value; the result must be one valid JSON document. */
    public String renderJson(Values values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                out.append(jsonValue(value(((TokenPart) part).token(), values)));
            }
        }
        String json = out.toString();
        try {
            JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the payload is not valid JSON once rendered (a token inside quotes renders as a"
                            + " quoted value of its own): "
                            + e.getOriginalMessage());
        }
        return json;
    }

    /** Renders tokens URL-encoded, for a URL template. */
    public String renderUrl(Values values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                Object value = value(((TokenPart) part).token(), values);
                out.append(
                        URLEncoder.encode(value == null ? "" : plain(value), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
            }
        }
        return out.toString();
    }

    /** A {@code ?} per token, the values bound: never spliced into the statement. */
    public BoundSql renderSql(Values values) {
        StringBuilder out = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                out.append('?');
                params.add(value(((TokenPart) part).token(), values));
            }
        }
        return new BoundSql(out.toString(), params);
    }

    private static Object value(Token token, Values values) {
        return switch (token.kind()) {
            case ROW -> {
                if (!values.row().containsKey(token.name())) {
                    throw new IllegalArgumentException(
                            "the row has no column '" + token.name() + "' for " + token.text());
                }
                yield values.row().get(token.name());
            }
            case USER_EMAIL -> values.userEmail();
            case REQUEST_ID -> values.requestId();
            case NOW -> values.now() == null ? null : values.now().toString();
            case INPUT -> values.inputs().get(token.name());
        };
    }

    /** A JSON literal: strings quoted and escaped, numbers bare, NULL as null. */
    public static String jsonValue(Object value) {
        try {
            if (value == null) {
                return "null";
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return "null";
            }
            if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
                return "null";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return JSON.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(Object value) {
        if (value instanceof LocalDateTime
                || value instanceof LocalDate
                || value instanceof LocalTime
                || value instanceof OffsetDateTime
                || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    @Override
    public String toString() {
        return source;
    }
}
