package io.rowdesk.search;

import io.rowdesk.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo plus {@code payout_secrets}, a view over payouts that only admins may see. */
public final class GuardFixture {
    static final String HIDDEN = "payout_secrets";

    /**
     * A view only admins may see, over payouts: what the guard tests try to reach as other roles.
     */
    public static final String HIDDEN_VIEW_YAML =
            """
            views:
              - name: payout_secrets
                sql: SELECT payout_id, referrer_id, amount FROM payouts WHERE status = 'paid'
            relations:
              payout_secrets:
                roles: [admin]
            """;

    private GuardFixture() {}

    static TestApp start(Path dir) {
        try {
            Path config = dir.resolve("hide-payouts.yaml");
            Files.writeString(config, HIDDEN_VIEW_YAML);
            return TestApp.start(dir.resolve("data"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
