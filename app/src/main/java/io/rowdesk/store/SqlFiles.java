package io.rowdesk.store;

import io.rowdesk.template.ClasspathTemplates;
import io.rowdesk.template.TextTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL files from the {@code sql/} folder on the classpath, read once each; a missing file fails
 * loudly. Files with {@code {{tokens}}} are filled through {@link TextTemplate}, strictly.
 */
public final class SqlFiles {
    private final ClasspathTemplates templates = new ClasspathTemplates("sql");
    private final ConcurrentHashMap<String, String> raw = new ConcurrentHashMap<>();

    /**
     * A file that is not a template (a migration, a view, the demo generator), as it is: text that
     * looks like a token (a comment about {@code {{row.x}}} payloads) is left alone.
     *
     * @param path relative to {@code sql/}, e.g. {@code "views/payout_review.sql"}
     */
    public String get(String path) {
        return raw.computeIfAbsent(path, p -> ClasspathTemplates.read("sql/" + p));
    }

    /** A file with its tokens filled: every token needs a value, and every value a token. */
    public String render(String path, Map<String, String> values) {
        return templates.get(path).render(values);
    }
}
