package io.rowdesk.store;

import io.rowdesk.template.ClasspathTemplates;
import io.rowdesk.template.TextTemplate;
import java.util.Map;

/**
 * SQL files from the {@code sql/} folder on the classpath, read once each; a missing file fails
 * loudly. Files with {@code {{tokens}}} are filled through {@link TextTemplate}, strictly.
 */
public final class SqlFiles {
    private final ClasspathTemplates templates = new ClasspathTemplates("sql");

    /**
     * A file without tokens, as it is.
     *
     * @param path relative to {@code sql/}, e.g. {@code "views/payout_review.sql"}
     */
    public String get(String path) {
        return render(path, Map.of());
    }

    /** A file with its tokens filled: every token needs a value, and every value a token. */
    public String render(String path, Map<String, String> values) {
        return templates.get(path).render(values);
    }
}
