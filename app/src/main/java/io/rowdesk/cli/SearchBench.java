package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.auth.Role;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.SearchRequest;
import io.rowdesk.search.eval.EvalQuestion;
import io.rowdesk.search.eval.EvalRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rowdesk bench search FILE.jsonl...}: local translation latency over question files (after
 * one warm-up pass), execution match per phrase class, and search to first rows on lead_events.
 */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description =
                "Time the local translator and English search on the demo (scale 1 by default).")
final class SearchBench implements Callable<Integer> {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            required = true,
            description = "Data folder; the demo is generated there once and reused.")
    Path dataDir;

    @Option(
            names = "--scale",
            defaultValue = "1",
            description = "Demo size factor (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(
            names = "--as-of",
            defaultValue = "2026-11-20",
            description = "Demo as-of date (the evaluation set's; default ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Parameters(
            paramLabel = "FILE.jsonl",
            arity = "1..*",
            description = "Question files, e.g. app/src/test/resources/search/dev.jsonl.")
    Path[] files;

    @Override
    public Integer call() {
        RowdeskConfig config =
                new ConfigResolver(Map.of())
                        .resolve(new StartupOptions(null, dataDir, 0, true, scale, asOf));
        try (Rowdesk rowdesk =
                new Rowdesk(
                        config,
                        Map.of("ROWDESK_ADMIN_PASSWORD", "bench-" + System.nanoTime()),
                        Clock.systemUTC())) {
            List<EvalQuestion> questions = new ArrayList<>();
            for (Path file : files) {
                questions.addAll(EvalQuestion.read(file));
            }
            EvalRunner runner =
                    new EvalRunner(rowdesk.catalog(), rowdesk.search(), rowdesk.engine());
            runner.score("warm-up", questions);
            EvalRunner.Report report = runner.score("all files", questions);
            long[] nanos =
                    report.translationNanos().stream()
                            .mapToLong(Long::longValue)
                            .sorted()
                            .toArray();
            System.out.print(report.format(false));
            System.out.printf(
                    Locale.ROOT,
                    "local translation over %d questions: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    nanos.length,
                    GridBench.percentile(nanos, 50) / 1e6,
                    GridBench.percentile(nanos, 99) / 1e6,
                    nanos[nanos.length - 1] / 1e6);

            List<String> leadQuestions =
                    questions.stream()
                            .filter(q -> q.relation().equals("lead_events"))
                            .filter(q -> !q.classes().contains("aggregate"))
                            .map(EvalQuestion::question)
                            .toList();
            RelationInfo leadEvents =
                    rowdesk.catalog().find("lead_events", Role.VIEWER).orElseThrow();
            List<Long> firstRows = new ArrayList<>();
            for (int pass = 0; pass < 3; pass++) {
                for (String q : leadQuestions) {
                    long started = System.nanoTime();
                    try {
                        rowdesk.search()
                                .search(
                                        new SearchRequest(
                                                q, leadEvents.name(), asOf, 100, Set.of()),
                                        Role.VIEWER);
                    } catch (RuntimeException e) {
                        continue; // a question it cannot place is timed elsewhere
                    }
                    if (pass > 0) {
                        firstRows.add(System.nanoTime() - started);
                    }
                }
            }
            long[] sorted = firstRows.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "search to first rows on lead_events (%,d rows), %d searches: p50 %.1f ms, p99 %.1f ms%n",
                    leadEvents.rowCount(),
                    sorted.length,
                    GridBench.percentile(sorted, 50) / 1e6,
                    GridBench.percentile(sorted, 99) / 1e6);
            System.out.println("files: " + Arrays.toString(files));
            return 0;
        }
    }
}
