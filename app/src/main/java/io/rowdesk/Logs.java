package io.rowdesk;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import io.rowdesk.config.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.LoggerFactory;

/**
 * The console log's format ({@code server.log_format}: text, or one JSON object per line through
 * logback's own JsonEncoder) and the redaction of known secret values from every line. Logging is
 * process-wide, so this is the one place with static state: the set of secret values to redact,
 * which start-up fills from the environment (admin password and token, secret key, metrics token)
 * and configuration (API keys).
 */
public final class Logs {
    static final String REDACTED = "[redacted]";
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Logs() {}

    /**
     * Values that must never appear in a log line; short ones are ignored (too many false hits).
     */
    public static void redact(Collection<String> values) {
        for (String value : values) {
            if (value != null && value.length() >= 8) {
                SECRETS.add(value);
            }
        }
    }

    /** Switches the console appender to {@code format}, keeping redaction in front of it. */
    public static void use(ServerConfig.LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender("CONSOLE") instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        Encoder<ILoggingEvent> inner;
        if (format == ServerConfig.LogFormat.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.start();
            inner = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
            text.start();
            inner = text;
        }
        RedactingEncoder redacting = new RedactingEncoder(inner);
        redacting.setContext(context);
        redacting.start();
        console.stop();
        console.setEncoder(redacting);
        console.start();
    }

    static String scrub(String line) {
        String out = line;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    /** Encodes with {@code inner}, then replaces every registered secret value. */
    static final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
        private final Encoder<ILoggingEvent> inner;

        RedactingEncoder(Encoder<ILoggingEvent> inner) {
            this.inner = inner;
        }

        @Override
        public byte[] headerBytes() {
            return inner.headerBytes();
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            byte[] bytes = inner.encode(event);
            if (SECRETS.isEmpty() || bytes == null) {
                return bytes;
            }
            return scrub(new String(bytes, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] footerBytes() {
            return inner.footerBytes();
        }
    }
}
