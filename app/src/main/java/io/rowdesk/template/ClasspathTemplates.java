package io.rowdesk.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Templates under one classpath folder ({@code sql/} or {@code prompts/}), each read and parsed
 * once. A missing file is a programming error and fails loudly.
 */
public final class ClasspathTemplates {
    private final String folder;
    private final ConcurrentHashMap<String, TextTemplate> cache = new ConcurrentHashMap<>();

    public ClasspathTemplates(String folder) {
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    public static ClasspathTemplates prompts() {
        return new ClasspathTemplates("prompts");
    }

    /**
     * @param path relative to the folder, e.g. {@code "search/system.txt"}
     */
    public TextTemplate get(String path) {
        return cache.computeIfAbsent(path, p -> TextTemplate.parse(folder + p, read(folder + p)));
    }

    /** The raw text of a file under the folder (for files without tokens). */
    public static String read(String resource) {
        try (InputStream in =
                ClasspathTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
