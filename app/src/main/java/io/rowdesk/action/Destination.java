package io.rowdesk.action;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Where an action's requests go; every kind has a timeout and a retry policy. */
public sealed interface Destination
        permits Destination.Webhook, Destination.Http, Destination.Postgres {
    Duration timeout();

    RetryPolicy retry();

    /** How many requests of one action may be in flight at once. */
    int concurrency();

    /** Requests per second to this destination at most; 0 for no limit. */
    double ratePerSecond();

    String kind();

    /**
     * POST the payload as JSON to {@code url}, signed the Standard Webhooks way when {@code
     * signingSecret} is set.
     */
    record Webhook(
            String url,
            String signingSecret,
            Duration timeout,
            RetryPolicy retry,
            int concurrency,
            double ratePerSecond)
            implements Destination {
        public Webhook {
            Objects.requireNonNull(url, "url is null");
        }

        @Override
        public String kind() {
            return "webhook";
        }
    }

    /** Any HTTP API: method, a URL template, headers and an authentication scheme. */
    record Http(
            String method,
            PayloadTemplate url,
            Map<String, String> headers,
            HttpAuth auth,
            Duration timeout,
            RetryPolicy retry,
            int concurrency,
            double ratePerSecond)
            implements Destination {
        public Http {
            headers = Map.copyOf(headers);
        }

        @Override
        public String kind() {
            return "http";
        }
    }

    /**
     * A write-back to a Postgres database: {@code statement} with every placeholder bound, in one
     * transaction with the insert of the request id into {@code rowdesk_applied_actions}.
     */
    record Postgres(
            String source,
            String jdbcUrl,
            String user,
            String password,
            PayloadTemplate statement,
            Duration timeout,
            RetryPolicy retry,
            int concurrency,
            double ratePerSecond)
            implements Destination {
        @Override
        public String kind() {
            return "postgres";
        }
    }
}
