package io.rowdesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of the configuration tree with its dotted path. Typed getters record a problem (naming
 * the key, its line and what is allowed) and return the default instead of throwing, so that one
 * start-up reports every mistake at once.
 */
public final class ConfigNode {
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)}");

    /** Shared by all nodes of one document. */
    record Context(YamlTree tree, Map<String, String> env, List<String> problems) {}

    private final Context context;
    private final JsonNode value;
    private final String path;

    ConfigNode(Context context, JsonNode value, String path) {
        this.context = context;
        this.value = value;
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The value as parsed, without substitution: for sections that a later issue validates. */
    public JsonNode raw() {
        return value;
    }

    /**
     * The value as plain Java maps, lists and scalars, with {@code ${...}} substituted in every
     * string: for sections validated outside this package.
     */
    public Object substituted() {
        if (!present()) {
            return null;
        }
        if (value.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            entries().forEach((name, child) -> map.put(name, child.substituted()));
            return map;
        }
        if (value.isArray()) {
            return list().stream().map(ConfigNode::substituted).toList();
        }
        if (value.isTextual()) {
            return substitute(value.asText());
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value.asText();
    }

    public boolean present() {
        return value != null && !value.isNull() && !value.isMissingNode();
    }

    public ConfigNode get(String name) {
        JsonNode child = value != null && value.isObject() ? value.get(name) : null;
        return new ConfigNode(context, child, path.isEmpty() ? name : path + "." + name);
    }

    public void problem(String message) {
        int line = context.tree().line(path);
        context.problems().add(path + (line > 0 ? " (line " + line + ")" : "") + ": " + message);
    }

    /** Reports keys that are not among {@code allowed}: a typo should not be silently ignored. */
    public void allowOnly(String... allowed) {
        if (!present()) {
            return;
        }
        if (!value.isObject()) {
            problem("must be a mapping of " + String.join(", ", allowed));
            return;
        }
        Set<String> keys = Set.of(allowed);
        value.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!keys.contains(name)) {
                                get(name)
                                        .problem(
                                                "unknown key; allowed here: "
                                                        + String.join(", ", allowed));
                            }
                        });
    }

    public List<ConfigNode> list() {
        if (!present()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem("must be a list");
            return List.of();
        }
        List<ConfigNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(new ConfigNode(context, value.get(i), path + "[" + i + "]"));
        }
        return items;
    }

    public Map<String, ConfigNode> entries() {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        if (!present()) {
            return entries;
        }
        if (!value.isObject()) {
            problem("must be a mapping");
            return entries;
        }
        value.fieldNames().forEachRemaining(name -> entries.put(name, get(name)));
        return entries;
    }

    /** A string with {@code ${ENV_VAR}} and {@code ${file:PATH}} substituted. */
    public String string(String fallback) {
        if (!present()) {
            return fallback;
        }
        if (!value.isValueNode() || value.isBoolean()) {
            problem("must be text");
            return fallback;
        }
        return substitute(value.asText());
    }

    public String requiredString() {
        if (!present()) {
            problem("is required");
            return "";
        }
        String text = string("");
        if (text.isBlank()) {
            problem("must not be empty");
        }
        return text;
    }

    public List<String> strings() {
        if (present() && value.isValueNode()) {
            return List.of(string(""));
        }
        return list().stream().map(item -> item.string("")).toList();
    }

    public int integer(int fallback, int min, int max) {
        if (!present()) {
            return fallback;
        }
        String text = string("");
        try {
            int parsed = Integer.parseInt(text.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem("must be a whole number from " + min + " to " + max + ", got '" + text + "'");
        return fallback;
    }

    public long longValue(long fallback) {
        if (!present()) {
            return fallback;
        }
        String text = string("");
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            problem("must be a whole number, got '" + text + "'");
            return fallback;
        }
    }

    public double decimal(double fallback, double minExclusive, double max) {
        if (!present()) {
            return fallback;
        }
        String text = string("");
        try {
            double parsed = Double.parseDouble(text.trim());
            if (parsed > minExclusive && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problem(
                "must be a number greater than "
                        + minExclusive
                        + " and at most "
                        + max
                        + ", got '"
                        + text
                        + "'");
        return fallback;
    }

    /**
     * A size in bytes: {@code 512MB}, {@code 2GB}, or a share of the machine's memory, {@code 10%}.
     */
    public long bytes(long fallback, long min) {
        if (!present()) {
            return fallback;
        }
        String text = string("");
        long parsed = ByteSizes.parse(text);
        if (parsed >= min) {
            return parsed;
        }
        problem(
                "must be a size such as 512MB or 2GB (or a share of memory such as 10%), at least "
                        + (min >> 20)
                        + "MB, got '"
                        + text
                        + "'");
        return fallback;
    }

    public boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        problem("must be true or false, got '" + value.asText() + "'");
        return fallback;
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    /**
     * A duration written as a number and a unit: {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}.
     */
    public java.time.Duration duration(java.time.Duration fallback) {
        if (!present()) {
            return fallback;
        }
        String text = string("").trim();
        Matcher matcher = DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            java.time.Duration parsed =
                    switch (matcher.group(2)) {
                        case "s" -> java.time.Duration.ofSeconds(amount);
                        case "m" -> java.time.Duration.ofMinutes(amount);
                        case "h" -> java.time.Duration.ofHours(amount);
                        default -> java.time.Duration.ofDays(amount);
                    };
            if (!parsed.isZero()) {
                return parsed;
            }
        }
        problem("must be a duration such as 30s, 15m, 2h or 1d, got '" + text + "'");
        return fallback;
    }

    public LocalDate date(LocalDate fallback) {
        return parsed(fallback, LocalDate::parse, "a date as YYYY-MM-DD");
    }

    public ZoneId zone(ZoneId fallback) {
        return parsed(fallback, ZoneId::of, "a time zone such as UTC or Europe/Paris");
    }

    public <E extends Enum<E>> E choice(E fallback, Class<E> type) {
        if (!present()) {
            return fallback;
        }
        String text = string("");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        problem(
                "must be one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(c -> c.name().toLowerCase())
                                .toList()
                        + ", got '"
                        + text
                        + "'");
        return fallback;
    }

    private <T> T parsed(T fallback, Function<String, T> parser, String expected) {
        if (!present()) {
            return fallback;
        }
        String text = string("");
        try {
            return parser.apply(text.trim());
        } catch (DateTimeException | IllegalArgumentException e) {
            problem("must be " + expected + ", got '" + text + "'");
            return fallback;
        }
    }

    private String substitute(String text) {
        Matcher matcher = SUBSTITUTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String reference = matcher.group(1).trim();
            String replacement;
            if (reference.startsWith("file:")) {
                replacement = readSecretFile(reference.substring("file:".length()).trim());
            } else {
                replacement = context.env().get(reference);
                if (replacement == null) {
                    problem("environment variable " + reference + " is not set");
                    replacement = "";
                }
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String readSecretFile(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException | RuntimeException e) {
            problem("cannot read secret file '" + file + "'");
            return "";
        }
    }
}
