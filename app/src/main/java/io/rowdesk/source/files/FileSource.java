package io.rowdesk.source.files;

import io.rowdesk.config.SourceConfig;
import io.rowdesk.source.FileTable;
import io.rowdesk.source.Source;
import io.rowdesk.source.SourceTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Parquet, CSV and JSON/NDJSON files, one relation per file named after it, in a folder or matched
 * by a glob ({@code path: exports/*.parquet}). A table entry with its own {@code path} (a file or a
 * glob under the folder) reads all its files as one relation.
 */
public final class FileSource implements Source {
    private final String name;
    private final Path folder;
    private final String glob;
    private final Map<String, SourceConfig.TableConfig> configured;

    public FileSource(SourceConfig config, Path dataDir) {
        Objects.requireNonNull(config, "config is null");
        this.name = config.name();
        Path resolved = config.resolvedPath(dataDir);
        String text = resolved.toString();
        if (isGlob(text)) {
            // the folder is the part before the first segment with a wildcard
            Path base = resolved.getRoot() == null ? Path.of("") : resolved.getRoot();
            int firstWild = 0;
            for (Path part : resolved) {
                if (isGlob(part.toString())) {
                    break;
                }
                base = base.resolve(part);
                firstWild++;
            }
            this.folder = base;
            this.glob = resolved.subpath(firstWild, resolved.getNameCount()).toString();
        } else {
            this.folder = resolved;
            this.glob = null;
        }
        this.configured =
                config.tableConfigs().stream()
                        .collect(
                                Collectors.toMap(
                                        SourceConfig.TableConfig::name,
                                        Function.identity(),
                                        (a, b) -> a,
                                        java.util.LinkedHashMap::new));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> configuredTables() {
        return List.copyOf(configured.keySet());
    }

    static boolean isGlob(String text) {
        return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
    }

    @Override
    public List<SourceTable> tables() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(
                    "source '" + name + "': folder " + folder + " does not exist");
        }
        List<SourceTable> tables = new ArrayList<>();
        try {
            for (SourceConfig.TableConfig table : configured.values()) {
                if (table.path() != null) {
                    tables.add(globTable(table));
                }
            }
            PathMatcher matcher =
                    glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
            List<Path> files;
            try (Stream<Path> walk =
                    glob == null ? Files.list(folder) : Files.walk(folder, depth(glob))) {
                files =
                        walk.filter(Files::isRegularFile)
                                .filter(
                                        f ->
                                                matcher == null
                                                        || matcher.matches(folder.relativize(f)))
                                .sorted()
                                .toList();
            }
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                FileTable.Format format = FileTable.formatOf(fileName);
                if (format == null) {
                    continue;
                }
                String relation =
                        fileName.substring(
                                        0,
                                        fileName.indexOf('.') > 0
                                                ? fileName.indexOf('.')
                                                : fileName.length())
                                .toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9_]", "_");
                SourceConfig.TableConfig table = configured.get(relation);
                if (!configured.isEmpty() && (table == null || table.path() != null)) {
                    continue;
                }
                tables.add(
                        new FileTable(
                                relation,
                                name,
                                file.toAbsolutePath().toString(),
                                format,
                                fingerprint(List.of(file)),
                                table == null ? null : table.key()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("source '" + name + "': cannot list " + folder, e);
        }
        for (String wanted : configured.keySet()) {
            if (tables.stream().noneMatch(t -> t.relation().equals(wanted))) {
                throw new IllegalStateException(
                        "source '" + name + "': no file for table '" + wanted + "' in " + folder);
            }
        }
        return tables;
    }

    private static int depth(String glob) {
        return glob.contains("**") ? Integer.MAX_VALUE : Path.of(glob).getNameCount();
    }

    /** One relation over every file the entry's path (or glob) matches, read by DuckDB at once. */
    private FileTable globTable(SourceConfig.TableConfig table) throws IOException {
        Path pattern = folder.resolve(table.path()).normalize();
        if (!pattern.startsWith(folder.normalize())) {
            throw new IllegalStateException(
                    "source '"
                            + name
                            + "': table '"
                            + table.name()
                            + "': path must stay inside "
                            + folder);
        }
        FileTable.Format format = FileTable.formatOf(pattern.getFileName().toString());
        if (format == null) {
            throw new IllegalStateException(
                    "source '"
                            + name
                            + "': table '"
                            + table.name()
                            + "': path must end in .parquet, .csv, .json or .ndjson");
        }
        String relative = folder.normalize().relativize(pattern).toString();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, depth(relative))) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(
                                    f ->
                                            matcher.matches(
                                                    folder.normalize().relativize(f.normalize())))
                            .sorted()
                            .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException(
                    "source '"
                            + name
                            + "': no file matches '"
                            + table.path()
                            + "' for table '"
                            + table.name()
                            + "'");
        }
        return new FileTable(
                table.name(),
                name,
                pattern.toAbsolutePath().toString(),
                format,
                fingerprint(files),
                table.key());
    }

    private static String fingerprint(List<Path> files) throws IOException {
        StringBuilder fingerprint = new StringBuilder();
        for (Path file : files) {
            fingerprint
                    .append(file.toAbsolutePath())
                    .append('|')
                    .append(Files.size(file))
                    .append('|')
                    .append(Files.getLastModifiedTime(file).toMillis())
                    .append(';');
        }
        return files.size() == 1
                ? fingerprint.substring(0, fingerprint.length() - 1)
                : fingerprint.toString();
    }
}
