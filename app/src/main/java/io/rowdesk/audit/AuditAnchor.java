package io.rowdesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What ties the audit chain to things outside the state database: the HMAC key (derived from {@code
 * ROWDESK_SECRET_KEY} or the data folder's key file, never stored in {@code rowdesk.db}), and an
 * append-only head file with the sequence number and hash of every entry written, so that deleting
 * the newest entries (which leaves a valid shorter chain) is detected. Copy the head file's last
 * line to an external store to also survive someone who can rewrite the data folder.
 */
public final class AuditAnchor {
    public static final String HEAD_FILE = "audit-head.log";

    /** The action of the entry from which the chain continues as HMAC. */
    public static final String HMAC_MARK = "audit.chain.hmac";

    /** The last position the head file recorded. */
    public record Head(long seq, String hash) {}

    private final byte[] key;
    private final Path headFile;

    public AuditAnchor(byte[] key, Path headFile) {
        this.key = Objects.requireNonNull(key, "key is null").clone();
        this.headFile = Objects.requireNonNull(headFile, "headFile is null");
    }

    byte[] key() {
        return key;
    }

    public Path headFile() {
        return headFile;
    }

    /** One line per entry, in one write: a bulk run appends thousands at once. */
    void append(List<AuditEntry> entries) {
        StringBuilder lines = new StringBuilder(entries.size() * 72);
        for (AuditEntry e : entries) {
            lines.append(e.seq()).append(' ').append(e.hash()).append('\n');
        }
        try {
            Files.createDirectories(headFile.toAbsolutePath().getParent());
            Files.writeString(
                    headFile,
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the audit head file " + headFile, e);
        }
    }

    /** The head file's last line, or empty when there is no file (or no line) yet. */
    public Optional<Head> head() {
        if (!Files.exists(headFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(headFile, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String[] parts = lines.get(i).trim().split(" ");
                if (parts.length == 2) {
                    return Optional.of(new Head(Long.parseLong(parts[0]), parts[1]));
                }
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(
                    "the audit head file " + headFile + " is unreadable", e);
        }
    }
}
