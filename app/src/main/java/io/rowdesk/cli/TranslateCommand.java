package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.auth.Role;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.Chip;
import io.rowdesk.search.SearchService;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rowdesk translate}: prints the SQL the local translator makes of a question. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description =
                "Translate an English search into SQL (the server must not be running on the same data dir).")
public final class TranslateCommand implements Callable<Integer> {
    @Mixin AppOptions app;

    @Option(
            names = "--relation",
            required = true,
            description = "The relation to search, e.g. payouts.")
    String relation;

    @Option(
            names = "--today",
            paramLabel = "YYYY-MM-DD",
            description = "What 'today' is (default: today in server.timezone).")
    LocalDate today;

    @Parameters(
            paramLabel = "QUESTION",
            arity = "1..*",
            description = "The question, e.g. \"pending payouts over $500\".")
    String[] words;

    @Override
    public Integer call() {
        try (Rowdesk rowdesk = app.open()) {
            RelationInfo info = rowdesk.catalog().find(relation, Role.ADMIN).orElse(null);
            if (info == null) {
                System.err.println(
                        "rowdesk: there is no relation called '"
                                + relation
                                + "'; relations are: "
                                + String.join(
                                        ", ",
                                        rowdesk.catalog().all().stream()
                                                .map(RelationInfo::name)
                                                .toList()));
                return 2;
            }
            SearchService.Interpretation translation =
                    rowdesk.search().interpret(String.join(" ", words), info, today, Set.of());
            System.out.println(translation.sql().sql());
            System.out.println("-- parameters: " + translation.sql().params());
            for (Chip chip : translation.chips()) {
                System.out.println("-- " + chip.label());
            }
            if (!translation.complete()) {
                System.out.println(
                        "-- NOT UNDERSTOOD: " + String.join(", ", translation.unmatched()));
                return 1;
            }
            return 0;
        }
    }
}
