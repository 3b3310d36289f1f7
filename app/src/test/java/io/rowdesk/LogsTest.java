package io.rowdesk;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogsTest {
    @Test
    void json_lines_carry_the_message_and_never_a_registered_secret() {
        String canary = "canary-config-secret-9931";
        Logs.redact(List.of(canary, "short"));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.start();
        Logs.RedactingEncoder encoder = new Logs.RedactingEncoder(json);
        encoder.setContext(context);
        encoder.start();
        LoggingEvent event =
                new LoggingEvent(
                        "x",
                        context.getLogger("io.rowdesk.test"),
                        Level.WARN,
                        "connecting with key {} to {}",
                        null,
                        new Object[] {canary, "db.example"});
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(line).startsWith("{").contains("\"level\":\"WARN\"").contains("db.example");
        assertThat(line).doesNotContain(canary).contains(Logs.REDACTED);
        assertThat(Logs.scrub("a short word")).isEqualTo("a short word");
    }
}
