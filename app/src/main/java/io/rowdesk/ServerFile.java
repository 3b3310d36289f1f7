package io.rowdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <data-dir>/server.json}: where a running server listens, so that {@code rowdesk sync} on
 * the same data folder asks it to sync instead of failing on the state database's lock.
 */
public final class ServerFile {
    private static final Logger LOG = LoggerFactory.getLogger(ServerFile.class);
    private static final ObjectMapper JSON = Json.MAPPER;
    public static final String NAME = "server.json";

    private ServerFile() {}

    static void write(Path dataDir, String url) {
        try {
            Files.writeString(
                    dataDir.resolve(NAME),
                    JSON.writeValueAsString(
                            Map.of("url", url, "pid", ProcessHandle.current().pid())));
        } catch (IOException e) {
            LOG.warn("Could not write {}: {}", dataDir.resolve(NAME), e.getMessage());
        }
    }

    /** Removes the file if it still names this server (another may have started since). */
    static void delete(Path dataDir, int port) {
        read(dataDir)
                .filter(url -> url.endsWith(":" + port))
                .ifPresent(
                        url -> {
                            try {
                                Files.deleteIfExists(dataDir.resolve(NAME));
                            } catch (IOException ignored) {
                                // a stale file is checked by the reader anyway
                            }
                        });
    }

    /** The URL of the server that wrote the file, if there is one. */
    public static Optional<String> read(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return Optional.ofNullable(node.path("url").textValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
