package io.rowdesk.source.files;

import io.rowdesk.config.SourceConfig;
import io.rowdesk.source.FileTable;
import io.rowdesk.source.Source;
import io.rowdesk.source.SourceTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** Parquet and CSV files in one folder, one relation per file, named after the file. */
public final class FileSource implements Source {
    private final String name;
    private final Path folder;
    private final List<String> only;

    public FileSource(SourceConfig config, Path dataDir) {
        Objects.requireNonNull(config, "config is null");
        this.name = config.name();
        this.folder = config.resolvedPath(dataDir);
        this.only = config.tables();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<SourceTable> tables() {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(
                    "source '" + name + "': folder " + folder + " does not exist");
        }
        List<SourceTable> tables = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                String lower = fileName.toLowerCase(Locale.ROOT);
                FileTable.Format format =
                        lower.endsWith(".parquet")
                                ? FileTable.Format.PARQUET
                                : lower.endsWith(".csv") ? FileTable.Format.CSV : null;
                if (format == null) {
                    continue;
                }
                String relation =
                        fileName.substring(0, fileName.lastIndexOf('.')).toLowerCase(Locale.ROOT);
                if (!only.isEmpty() && !only.contains(relation)) {
                    continue;
                }
                String fingerprint =
                        file.toAbsolutePath()
                                + "|"
                                + Files.size(file)
                                + "|"
                                + Files.getLastModifiedTime(file).toMillis();
                tables.add(
                        new FileTable(relation, name, file.toAbsolutePath(), format, fingerprint));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("source '" + name + "': cannot list " + folder, e);
        }
        for (String wanted : only) {
            if (tables.stream().noneMatch(t -> t.relation().equals(wanted))) {
                throw new IllegalStateException(
                        "source '" + name + "': no file for table '" + wanted + "' in " + folder);
            }
        }
        return tables;
    }
}
