package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.search.eval.EvalQuestion;
import io.rowdesk.search.eval.EvalRunner;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rowdesk eval FILE.jsonl}: scores the translator on a question file by execution match. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description =
                "Score the translator on questions with gold SQL (JSONL; see docs/search-eval.md).")
public final class EvalCommand implements Callable<Integer> {
    @Mixin AppOptions app;

    @Option(names = "--misses", description = "Print each question that did not match.")
    boolean misses;

    @Parameters(paramLabel = "FILE.jsonl", arity = "1..*")
    Path[] files;

    @Override
    public Integer call() {
        try (Rowdesk rowdesk = app.open()) {
            EvalRunner runner =
                    new EvalRunner(rowdesk.catalog(), rowdesk.search(), rowdesk.engine());
            for (Path file : files) {
                System.out.print(
                        runner.score(file.getFileName().toString(), EvalQuestion.read(file))
                                .format(misses));
            }
            return 0;
        }
    }
}
