package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.audit.AuditVerifier;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rowdesk audit verify}: recomputes the audit hash chain. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Work with the audit log.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description =
                    "Check that no audit entry was edited, deleted or reordered. Stop the server first.")
    static final class Verify implements Callable<Integer> {
        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                defaultValue = "data",
                description = "The data folder (default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Override
        public Integer call() {
            Path file = dataDir.resolve("rowdesk.db");
            if (!Files.exists(file)) {
                System.err.println("rowdesk: no state database at " + file + "; pass --data-dir");
                return 2;
            }
            try (DuckDbStateStore state = DuckDbStateStore.open(file, new SqlFiles())) {
                var secrets = SecretBox.find(System.getenv(), dataDir);
                if (secrets.isEmpty()) {
                    System.out.println(
                            "No "
                                    + SecretBox.ENV
                                    + " and no "
                                    + SecretBox.KEY_FILE
                                    + ": checking the SHA-256 chain only, not the HMAC part or"
                                    + " the head file.");
                }
                AuditVerifier.Result result =
                        new AuditVerifier(
                                        state.jdbi(),
                                        secrets.map(s -> Rowdesk.auditAnchor(s, dataDir))
                                                .orElse(null))
                                .verify();
                if (result.intact()) {
                    System.out.println(
                            "Audit chain intact: " + result.entries() + " entries verified.");
                    return 0;
                }
                System.out.println(
                        "Audit chain BROKEN at entry "
                                + result.firstBadSeq()
                                + ": "
                                + result.problem());
                return 1;
            }
        }
    }
}
