package io.rowdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.Rowdesk;
import io.rowdesk.ServerFile;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.cache.ColumnProfiler;
import io.rowdesk.cache.ProfileRepository;
import io.rowdesk.cache.SnapshotRepository;
import io.rowdesk.cache.SnapshotWriter;
import io.rowdesk.cache.SyncService;
import io.rowdesk.cache.SyncStateRepository;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.demo.DemoBootstrap;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.json.Json;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.source.Source;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rowdesk sync [SOURCE[.TABLE]]}: syncs sources into the cache with a progress bar per table
 * (rows of the estimate, rate, ETA). When a server runs on the data folder ({@code server.json}) or
 * {@code --server} names one, that server is asked to sync instead (token from {@code
 * ROWDESK_TOKEN}), since it holds the state database.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Sync sources (or one SOURCE, or one SOURCE.TABLE) into the cache.")
public final class SyncCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = Json.MAPPER;

    @Mixin AppOptions app;

    /** The environment ({@code ROWDESK_TOKEN}); tests give their own. */
    Map<String, String> env = System.getenv();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SOURCE[.TABLE]",
            description = "What to sync (default: every source).")
    String target;

    @Option(
            names = "--full",
            description = "Read every row even where an incremental sync would do.")
    boolean full;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description =
                    "Ask this running server to sync (default: the one in <data-dir>/server.json).")
    String server;

    @Option(names = "--no-progress", description = "No progress bars (logs and scripts).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        RowdeskConfig config = app.resolve(null);
        Path dataDir = config.server().dataDir();
        String sourceName = target == null ? null : target.split("\\.", 2)[0];
        List<String> tables =
                target != null && target.contains(".")
                        ? List.of(target.substring(target.indexOf('.') + 1))
                        : List.of();
        Optional<String> remote =
                server != null
                        ? Optional.of(server)
                        : ServerFile.read(dataDir).filter(SyncCommand::answers);
        if (remote.isPresent()) {
            return remote(remote.get(), config, sourceName, tables, System.out);
        }
        return local(config, sourceName, tables, System.out);
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url + "/api/v1/health"))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false; // a stale server.json: the server is gone
        }
    }

    private int local(
            RowdeskConfig config, String sourceName, List<String> tables, PrintStream out) {
        Path dataDir = config.server().dataDir();
        Clock clock = Clock.systemUTC();
        SqlFiles sqlFiles = new SqlFiles();
        if (config.demo().enabled()) {
            new DemoBootstrap(sqlFiles, clock)
                    .ensure(dataDir, config.demo(), config.server().timezone());
        }
        DuckDbStateStore state;
        try {
            state = DuckDbStateStore.open(dataDir.resolve("rowdesk.db"), sqlFiles);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "the state database in "
                            + dataDir
                            + " is in use (is a server running? start it to write "
                            + ServerFile.NAME
                            + ", or name it with --server URL): "
                            + e.getMessage(),
                    e);
        }
        Path cacheDir = dataDir.resolve("cache");
        int failures = 0;
        try (state;
                QueryEngine engine = new QueryEngine(cacheDir, DuckDb.Limits.QUERY)) {
            AuditLog audit = new AuditLog(state.jdbi(), clock);
            RelationCatalog catalog = new RelationCatalog(config);
            ProfileRepository profiles = new ProfileRepository(state.jdbi(), clock);
            try (SyncService sync =
                    new SyncService(
                            Rowdesk.syncEntries(config, dataDir),
                            Rowdesk.withSavedViews(
                                    config.views(),
                                    new io.rowdesk.join.JoinViewRepository(state.jdbi())),
                            new SnapshotWriter(cacheDir, clock),
                            new SnapshotRepository(state.jdbi()),
                            new SyncStateRepository(state.jdbi()),
                            engine,
                            catalog,
                            sqlFiles,
                            new ColumnProfiler(
                                    engine, sqlFiles, config.search().profileValueLimit()),
                            profiles,
                            audit,
                            clock)) {
                sync.start(false);
                List<Source> sources = new ArrayList<>();
                if (sourceName == null) {
                    sources.addAll(sync.sources());
                } else {
                    sources.add(
                            sync.source(sourceName)
                                    .orElseThrow(
                                            () ->
                                                    new IllegalArgumentException(
                                                            "there is no source called '"
                                                                    + sourceName
                                                                    + "'")));
                }
                for (Source source : sources) {
                    for (SyncService.Outcome outcome :
                            syncWithProgress(sync, source, tables, out)) {
                        report(
                                out,
                                outcome.source(),
                                outcome.relation(),
                                outcome.ok(),
                                outcome.incremental(),
                                outcome.rows(),
                                outcome.millis(),
                                outcome.error());
                        if (!outcome.ok()) {
                            failures++;
                        }
                    }
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** Syncs on this thread while a watcher thread draws a bar for the table being read. */
    private List<SyncService.Outcome> syncWithProgress(
            SyncService sync, Source source, List<String> tables, PrintStream out) {
        if (noProgress) {
            return sync.syncSource(
                    source, tables, full ? SyncService.Mode.FULL : SyncService.Mode.AUTO, "cli");
        }
        List<String> names = tables.isEmpty() ? source.configuredTables() : tables;
        Thread watcher =
                new Thread(
                        () -> {
                            ProgressBar bar = null;
                            String current = null;
                            try {
                                while (!Thread.currentThread().isInterrupted()) {
                                    for (var status : sync.status()) {
                                        for (var table : status.tables()) {
                                            if (!status.name().equals(source.name())
                                                    || table.state()
                                                            != io.rowdesk.cache.TableStatus.State
                                                                    .SYNCING) {
                                                continue;
                                            }
                                            if (!table.relation().equals(current)) {
                                                if (bar != null) {
                                                    bar.close();
                                                }
                                                current = table.relation();
                                                long[] progress = sync.progress(current);
                                                bar =
                                                        new ProgressBarBuilder()
                                                                .setTaskName(
                                                                        source.name()
                                                                                + "."
                                                                                + current)
                                                                .setInitialMax(progress[1])
                                                                .setStyle(ProgressBarStyle.ASCII)
                                                                .setUnit(" rows", 1)
                                                                .showSpeed()
                                                                .setUpdateIntervalMillis(250)
                                                                .continuousUpdate()
                                                                .build();
                                            }
                                            long[] progress = sync.progress(current);
                                            bar.stepTo(progress[0]);
                                            if (progress[1] > 0 && progress[0] > progress[1]) {
                                                bar.maxHint(progress[0]);
                                            }
                                        }
                                    }
                                    Thread.sleep(200);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                if (bar != null) {
                                    if (current != null) {
                                        bar.stepTo(
                                                Math.max(
                                                        bar.getCurrent(),
                                                        sync.progress(current)[0]));
                                    }
                                    bar.close();
                                }
                            }
                        },
                        "rowdesk-sync-progress");
        watcher.setDaemon(true);
        watcher.start();
        try {
            return sync.syncSource(
                    source, tables, full ? SyncService.Mode.FULL : SyncService.Mode.AUTO, "cli");
        } finally {
            watcher.interrupt();
            try {
                watcher.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (names.isEmpty()) {
                out.flush();
            }
        }
    }

    private int remote(
            String url,
            RowdeskConfig config,
            String sourceName,
            List<String> tables,
            PrintStream out)
            throws Exception {
        String token = env.get("ROWDESK_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    "a server is running at "
                            + url
                            + "; set ROWDESK_TOKEN to an API token of a builder to ask it to sync");
        }
        out.println("Asking the server at " + url + " to sync");
        List<String> sources = new ArrayList<>();
        if (sourceName != null) {
            sources.add(sourceName);
        } else {
            config.sources().forEach(s -> sources.add(s.name()));
        }
        HttpClient client = HttpClient.newHttpClient();
        int failures = 0;
        for (String source : sources) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tables", tables);
            body.put("mode", full ? "full" : "auto");
            body.put("wait", true);
            HttpResponse<String> response =
                    client.send(
                            HttpRequest.newBuilder(
                                            URI.create(url + "/api/v1/sources/" + source + "/sync"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    JSON.writeValueAsString(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                out.println(source + ": " + json.path("error").asText(response.body()));
                failures++;
                continue;
            }
            for (JsonNode outcome : json.path("outcomes")) {
                boolean ok = outcome.path("ok").asBoolean();
                report(
                        out,
                        source,
                        outcome.path("relation").asText(),
                        ok,
                        "incremental".equals(outcome.path("mode").asText()),
                        outcome.path("rows").asLong(),
                        outcome.path("duration_ms").asLong(),
                        outcome.path("error").isNull() ? null : outcome.path("error").asText());
                if (!ok) {
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static void report(
            PrintStream out,
            String source,
            String relation,
            boolean ok,
            boolean incremental,
            long rows,
            long millis,
            String error) {
        if (ok) {
            out.printf(
                    Locale.ROOT,
                    "%s.%s: %s sync, %,d rows in %.1f s%s%n",
                    source,
                    relation,
                    incremental ? "incremental" : "full",
                    rows,
                    millis / 1000.0,
                    error == null ? "" : " (" + error + ")");
        } else {
            out.printf(Locale.ROOT, "%s.%s: FAILED: %s%n", source, relation, error);
        }
    }
}
