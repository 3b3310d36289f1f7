package io.rowdesk.config;

import java.util.List;

/** One or more configuration problems, each naming the key, the line and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(
                "Configuration "
                        + source
                        + " has "
                        + problems.size()
                        + " problem"
                        + (problems.size() == 1 ? "" : "s")
                        + ":\n  - "
                        + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
