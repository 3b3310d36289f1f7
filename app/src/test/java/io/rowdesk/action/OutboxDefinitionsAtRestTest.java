package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.audit.AuditLog;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Action definitions hold secrets: the state database keeps them sealed, never in clear. */
class OutboxDefinitionsAtRestTest {
    private static final String CANARY = "whsec_Y2FuYXJ5LXNlY3JldC1kby1ub3QtbGVhaw==";

    @TempDir Path dir;

    @Test
    void a_saved_definition_is_sealed_in_the_state_database_and_read_back_in_clear() {
        try (DuckDbStateStore store =
                DuckDbStateStore.open(dir.resolve("rowdesk.db"), new SqlFiles())) {
            Outbox outbox =
                    new Outbox(
                            store.jdbi(),
                            SecretBox.open(Map.of(), dir),
                            new AuditLog(store.jdbi(), Clock.systemUTC()));
            String json =
                    "{\"name\": \"send_spiff\", \"destination\": {\"kind\": \"webhook\","
                            + " \"signing_secret\": \""
                            + CANARY
                            + "\"}}";
            outbox.saveDefinition("send_spiff", json, "api", "builder@example.com", Instant.now());

            String stored =
                    store.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT definition FROM action_definitions")
                                                    .mapTo(String.class)
                                                    .one());
            assertThat(stored).doesNotContain(CANARY).doesNotContain("signing_secret");
            assertThat(outbox.definitions())
                    .singleElement()
                    .extracting(d -> d.json())
                    .isEqualTo(json);
        }
    }
}
