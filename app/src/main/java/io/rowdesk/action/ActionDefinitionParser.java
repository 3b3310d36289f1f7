package io.rowdesk.action;

import io.rowdesk.action.http.EgressPolicy;
import io.rowdesk.auth.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one action definition (the shape of {@code actions:} in rowdesk.yaml, or the same as JSON
 * from the API) and reports every problem with its key path, e.g. {@code
 * actions[2].destination.url: must be https, or a private address listed in
 * server.allow_private_destinations}.
 */
public final class ActionDefinitionParser {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    /** All problems of one definition. */
    public static final class InvalidDefinitionException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidDefinitionException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Where a postgres destination finds its connection: a configured source's settings. */
    public interface PostgresSources {
        /** jdbc url, user, password of {@code source}, or null when there is no such source. */
        String[] connection(String source);

        PostgresSources NONE = source -> null;
    }

    private final EgressPolicy policy;
    private final PostgresSources postgresSources;

    public ActionDefinitionParser(EgressPolicy policy, PostgresSources postgresSources) {
        this.policy = Objects.requireNonNull(policy, "policy is null");
        this.postgresSources = Objects.requireNonNull(postgresSources, "postgresSources is null");
    }

    /**
     * @param path the key path for messages, e.g. {@code actions[2]}
     * @throws InvalidDefinitionException listing every problem
     */
    public ActionDefinition parse(Map<String, Object> raw, String path) {
        List<String> problems = new ArrayList<>();
        Fields f = new Fields(raw == null ? Map.of() : raw, path, problems);
        f.allowOnly(
                "name",
                "label",
                "relation",
                "key",
                "when",
                "roles",
                "confirm",
                "approval",
                "payload",
                "destination",
                "inputs");
        String name = f.string("name", null, true);
        if (name != null && !NAME.matcher(name).matches()) {
            f.problem(
                    "name",
                    "'" + name + "' is not a valid name; use lower-case letters, digits and _");
        }
        String label = f.string("label", name, false);
        String relation = f.string("relation", null, true);
        String key = f.string("key", null, true);
        String when = f.string("when", null, false);
        Set<Role> roles = f.roles("roles", EnumSet.of(Role.BUILDER));
        String confirm = f.string("confirm", null, false);
        List<String> inputs = f.strings("inputs");
        for (String input : inputs) {
            if (!NAME.matcher(input).matches()) {
                f.problem("inputs", "'" + input + "' is not a valid input name");
            }
        }
        Approval approval = approval(f.child("approval"));
        Destination destination = destination(f.child("destination"), inputs);
        PayloadTemplate payload = null;
        String payloadText = f.string("payload", null, false);
        if (payloadText != null) {
            try {
                payload = PayloadTemplate.parse(payloadText, inputs);
                payload.renderJson(sampleValues(payload, inputs));
            } catch (IllegalArgumentException e) {
                f.problem("payload", e.getMessage());
            }
        } else if (destination != null && !(destination instanceof Destination.Postgres)) {
            f.problem("payload", "is required for a " + destination.kind() + " destination");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new ActionDefinition(
                name,
                label,
                relation,
                key,
                when,
                roles,
                confirm,
                approval,
                payload,
                destination,
                inputs,
                raw);
    }

    /** Values that make every token render: checks that the body is JSON whatever the row holds. */
    private static PayloadTemplate.Values sampleValues(
            PayloadTemplate template, List<String> inputs) {
        Map<String, Object> row = new LinkedHashMap<>();
        template.rowColumns().forEach(column -> row.put(column, "sample"));
        Map<String, String> in = new LinkedHashMap<>();
        inputs.forEach(i -> in.put(i, "sample"));
        return new PayloadTemplate.Values(
                row, "someone@example.com", "sample-id", java.time.Instant.EPOCH, in);
    }

    private Approval approval(Fields f) {
        if (f == null || f.raw == null) {
            return null;
        }
        if (f.raw instanceof String text) {
            if (text.trim().equalsIgnoreCase("none")) {
                return null;
            }
            f.problemHere("must be none or {approvals: 1 or 2, when: ..., roles: [...]}");
            return null;
        }
        if (!(f.raw instanceof Map)) {
            f.problemHere("must be none or {approvals: 1 or 2, when: ..., roles: [...]}");
            return null;
        }
        f.allowOnly("approvals", "when", "roles");
        int approvals = (int) f.number("approvals", 1, 1, 2);
        String when = f.string("when", null, false);
        Set<Role> roles = f.roles("roles", EnumSet.of(Role.ADMIN));
        return new Approval(approvals, when, roles);
    }

    private Destination destination(Fields f, List<String> inputs) {
        if (f == null || f.raw == null) {
            if (f != null) {
                f.problemHere("is required");
            }
            return null;
        }
        if (!(f.raw instanceof Map)) {
            f.problemHere("must be a mapping with a kind: webhook, http or postgres");
            return null;
        }
        String kind = f.string("kind", null, true);
        Duration timeout = f.duration("timeout", Duration.ofSeconds(15));
        RetryPolicy retry = retry(f.child("retry"));
        int concurrency = (int) f.number("concurrency", 16, 1, 256);
        double rate = f.number("rate_per_second", 0, 0, 100_000);
        if (kind == null) {
            return null;
        }
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "webhook" -> {
                f.allowOnly(
                        "kind",
                        "url",
                        "signing_secret",
                        "timeout",
                        "retry",
                        "concurrency",
                        "rate_per_second");
                String url = f.string("url", null, true);
                if (url != null) {
                    checkUrl(f, "url", url);
                }
                String secret = f.string("signing_secret", null, false);
                if (secret != null && secret.isBlank()) {
                    secret = null;
                }
                if (secret != null) {
                    try {
                        StandardWebhooks.secretBytes(secret);
                    } catch (IllegalArgumentException e) {
                        f.problem("signing_secret", e.getMessage());
                    }
                }
                return url == null
                        ? null
                        : new Destination.Webhook(url, secret, timeout, retry, concurrency, rate);
            }
            case "http" -> {
                f.allowOnly(
                        "kind",
                        "method",
                        "url",
                        "headers",
                        "auth",
                        "timeout",
                        "retry",
                        "concurrency",
                        "rate_per_second");
                String method = f.string("method", "POST", false).toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    f.problem("method", "must be one of GET, POST, PUT, PATCH, DELETE");
                }
                String url = f.string("url", null, true);
                PayloadTemplate urlTemplate = null;
                if (url != null) {
                    try {
                        urlTemplate = PayloadTemplate.parse(url, inputs);
                        checkUrl(
                                f, "url", urlTemplate.renderUrl(sampleValues(urlTemplate, inputs)));
                    } catch (IllegalArgumentException e) {
                        f.problem("url", e.getMessage());
                    }
                }
                Map<String, String> headers = new LinkedHashMap<>();
                Fields headerFields = f.child("headers");
                if (headerFields.raw instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
                } else if (headerFields.raw != null) {
                    headerFields.problemHere("must be a mapping of header names to values");
                }
                HttpAuth auth = auth(f.child("auth"));
                return urlTemplate == null
                        ? null
                        : new Destination.Http(
                                method,
                                urlTemplate,
                                headers,
                                auth,
                                timeout,
                                retry,
                                concurrency,
                                rate);
            }
            case "postgres" -> {
                f.allowOnly(
                        "kind",
                        "source",
                        "statement",
                        "timeout",
                        "retry",
                        "concurrency",
                        "rate_per_second");
                String source = f.string("source", null, true);
                String[] connection = source == null ? null : postgresSources.connection(source);
                if (source != null && connection == null) {
                    f.problem("source", "there is no postgres source called '" + source + "'");
                }
                String statement = f.string("statement", null, true);
                PayloadTemplate template = null;
                if (statement != null) {
                    try {
                        template = PayloadTemplate.parse(statement, inputs);
                    } catch (IllegalArgumentException e) {
                        f.problem("statement", e.getMessage());
                    }
                }
                return template == null || connection == null
                        ? null
                        : new Destination.Postgres(
                                source,
                                connection[0],
                                connection[1],
                                connection[2],
                                template,
                                timeout,
                                retry,
                                concurrency,
                                rate);
            }
            default -> {
                f.problem("kind", "must be one of webhook, http, postgres, got '" + kind + "'");
                return null;
            }
        }
    }

    private HttpAuth auth(Fields f) {
        if (f.raw == null) {
            return HttpAuth.NONE;
        }
        if (!(f.raw instanceof Map)) {
            f.problemHere(
                    "must be a mapping with a kind: none, bearer, basic, oauth2_client_credentials");
            return HttpAuth.NONE;
        }
        String kind = f.string("kind", "none", false).toLowerCase(Locale.ROOT);
        switch (kind) {
            case "none" -> {
                f.allowOnly("kind");
                return HttpAuth.NONE;
            }
            case "bearer" -> {
                f.allowOnly("kind", "token");
                return new HttpAuth.Bearer(f.string("token", "", true));
            }
            case "basic" -> {
                f.allowOnly("kind", "user", "password");
                return new HttpAuth.Basic(
                        f.string("user", "", true), f.string("password", "", true));
            }
            case "oauth2_client_credentials" -> {
                f.allowOnly("kind", "token_url", "client_id", "client_secret", "scope");
                String tokenUrl = f.string("token_url", null, true);
                if (tokenUrl != null) {
                    checkUrl(f, "token_url", tokenUrl);
                }
                return new HttpAuth.OAuth2ClientCredentials(
                        tokenUrl,
                        f.string("client_id", "", true),
                        f.string("client_secret", "", true),
                        f.string("scope", null, false));
            }
            default -> {
                f.problem(
                        "kind",
                        "must be one of none, bearer, basic, oauth2_client_credentials, got '"
                                + kind
                                + "'");
                return HttpAuth.NONE;
            }
        }
    }

    private RetryPolicy retry(Fields f) {
        if (f.raw == null) {
            return RetryPolicy.DEFAULT;
        }
        if (!(f.raw instanceof Map)) {
            f.problemHere("must be a mapping {attempts, initial, max}");
            return RetryPolicy.DEFAULT;
        }
        f.allowOnly("attempts", "initial", "max");
        int attempts = (int) f.number("attempts", RetryPolicy.DEFAULT.attempts(), 1, 100);
        Duration initial = f.duration("initial", RetryPolicy.DEFAULT.initial());
        Duration max = f.duration("max", RetryPolicy.DEFAULT.max());
        if (max.compareTo(initial) < 0) {
            f.problem("max", "must not be shorter than initial");
            return RetryPolicy.DEFAULT;
        }
        return new RetryPolicy(attempts, initial, max);
    }

    private void checkUrl(Fields f, String key, String url) {
        if (url.startsWith("/")) {
            // this server itself (the demo receiver): reachable only when its own host:port is
            // allowed, which the demo does and nothing else
            return;
        }
        try {
            URI uri = new URI(url);
            policy.checkUrl(uri).ifPresent(problem -> f.problem(key, problem));
        } catch (URISyntaxException e) {
            f.problem(key, "is not a URL: " + e.getMessage());
        }
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Typed reads of a map with problems recorded by key path. */
    private static final class Fields {
        final Object raw;
        final String path;
        final List<String> problems;

        Fields(Object raw, String path, List<String> problems) {
            this.raw = raw;
            this.path = path;
            this.problems = problems;
        }

        Map<?, ?> map() {
            return raw instanceof Map<?, ?> m ? m : Map.of();
        }

        Fields child(String key) {
            return new Fields(map().get(key), path + "." + key, problems);
        }

        void problem(String key, String message) {
            problems.add(path + "." + key + ": " + message);
        }

        void problemHere(String message) {
            problems.add(path + ": " + message);
        }

        void allowOnly(String... keys) {
            Set<String> allowed = Set.of(keys);
            for (Object key : map().keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    problem(
                            String.valueOf(key),
                            "unknown key; allowed here: " + String.join(", ", keys));
                }
            }
        }

        String string(String key, String fallback, boolean required) {
            Object value = map().get(key);
            if (value == null) {
                if (required) {
                    problem(key, "is required");
                }
                return fallback;
            }
            if (value instanceof Map || value instanceof List) {
                problem(key, "must be text");
                return fallback;
            }
            String text = String.valueOf(value);
            if (required && text.isBlank()) {
                problem(key, "must not be empty");
                return null;
            }
            return text;
        }

        List<String> strings(String key) {
            Object value = map().get(key);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(value));
        }

        double number(String key, double fallback, double min, double max) {
            Object value = map().get(key);
            if (value == null) {
                return fallback;
            }
            try {
                double n = Double.parseDouble(String.valueOf(value).trim());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problem(
                    key,
                    "must be a number from "
                            + fmt(min)
                            + " to "
                            + fmt(max)
                            + ", got '"
                            + value
                            + "'");
            return fallback;
        }

        Duration duration(String key, Duration fallback) {
            Object value = map().get(key);
            if (value == null) {
                return fallback;
            }
            Duration parsed = parseDuration(String.valueOf(value));
            if (parsed == null) {
                problem(
                        key,
                        "must be a duration such as 500ms, 15s, 5m or 2h, got '" + value + "'");
                return fallback;
            }
            return parsed;
        }

        Set<Role> roles(String key, Set<Role> fallback) {
            if (map().get(key) == null) {
                return fallback;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String text : strings(key)) {
                Role role = Role.parse(text);
                if (role == null) {
                    problem(key, "unknown role '" + text + "'; allowed: viewer, builder, admin");
                } else {
                    roles.add(role);
                }
            }
            return roles;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
