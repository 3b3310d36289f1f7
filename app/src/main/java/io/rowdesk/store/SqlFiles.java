package io.rowdesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads SQL files from the {@code sql/} folder on the classpath, once each. A missing file is a
 * programming error and fails loudly.
 */
public final class SqlFiles {
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param path relative to {@code sql/}, e.g. {@code "views/payout_review.sql"}
     */
    public String get(String path) {
        return cache.computeIfAbsent(path, SqlFiles::read);
    }

    private static String read(String path) {
        String resource = "sql/" + path;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
