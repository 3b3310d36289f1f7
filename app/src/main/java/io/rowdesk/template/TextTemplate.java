package io.rowdesk.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one template syntax of {@code sql/} and {@code prompts/}: named {@code {{token}}}s, filled in
 * a single pass (a value that contains {@code {{x}}} is never expanded again). Strict in the style
 * of Jdbi's {@code DefinedAttributeTemplateEngine}: a token without a value, or a value without a
 * token, is an error.
 */
public final class TextTemplate {
    private static final Pattern TOKEN =
            Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

    private final String name;
    private final List<String> literals;
    private final List<String> tokens;
    private final Set<String> names;

    private TextTemplate(String name, List<String> literals, List<String> tokens) {
        this.name = name;
        this.literals = literals;
        this.tokens = tokens;
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(tokens));
    }

    /** Parses {@code text}; {@code name} says where it came from, for error messages. */
    public static TextTemplate parse(String name, String text) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(text, "text is null");
        List<String> literals = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (m.find()) {
            literals.add(text.substring(at, m.start()));
            tokens.add(m.group(1));
            at = m.end();
        }
        literals.add(text.substring(at));
        return new TextTemplate(name, List.copyOf(literals), List.copyOf(tokens));
    }

    /** The token names, in order of first use. */
    public Set<String> names() {
        return names;
    }

    public String render(Map<String, String> values) {
        Objects.requireNonNull(values, "values is null");
        Set<String> missing = new TreeSet<>();
        for (String token : names) {
            if (values.get(token) == null) {
                missing.add(token);
            }
        }
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(names);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new TemplateException(
                    "template "
                            + name
                            + (missing.isEmpty() ? "" : ": no value for " + missing)
                            + (unused.isEmpty() ? "" : ": no token for " + unused));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            out.append(literals.get(i)).append(values.get(tokens.get(i)));
        }
        return out.append(literals.get(tokens.size())).toString();
    }

    /** A template filled wrongly: a programming error, never the user's. */
    public static final class TemplateException extends IllegalStateException {
        public TemplateException(String message) {
            super(message);
        }
    }
}
