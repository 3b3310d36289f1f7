package io.rowdesk.search.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.text.StringSubstitutor;

/**
 * A prompt from {@code prompts/} on the classpath with {@code {{name}}} placeholders, filled by
 * commons-text. Every placeholder must be given; values are inserted as they are (a value that
 * happens to contain {@code {{x}}}, such as a data value, is not expanded again).
 */
public final class PromptTemplate {
    private final String name;
    private final String text;

    private PromptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code prompts/<path>}; fails loudly when it is missing. */
    public static PromptTemplate load(String path) {
        String resource = "prompts/" + path;
        try (InputStream in = PromptTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt " + resource + " on the classpath");
            }
            return new PromptTemplate(
                    resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + resource, e);
        }
    }

    public String render(Map<String, String> values) {
        Objects.requireNonNull(values, "values is null");
        StringSubstitutor substitutor = new StringSubstitutor(values, "{{", "}}");
        substitutor.setEnableUndefinedVariableException(true);
        substitutor.setDisableSubstitutionInValues(true);
        substitutor.setEscapeChar('\0');
        try {
            return substitutor.replace(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("prompt " + name + ": " + e.getMessage(), e);
        }
    }
}
