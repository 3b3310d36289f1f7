package io.rowdesk.search.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.json.Json;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryException;
import io.rowdesk.search.GuardException;
import io.rowdesk.search.SqlRenderer.InvalidSpecException;
import io.rowdesk.template.ClasspathTemplates;
import io.rowdesk.template.TextTemplate;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a language model for a query over one relation. The model sees the relation's columns,
 * types, profiles, synonyms and low-cardinality values ({@code prompts/search/system.txt}) and
 * answers JSON: a query spec (preferred) or one SELECT. The caller's {@link Attempt} renders or
 * guards the answer and runs it; if that fails, the model gets exactly one repair round with the
 * error ({@code prompts/search/repair.txt}). Answers that ran are cached by question, relation,
 * today and model, so asking again costs no model call (the cached answer still goes through the
 * renderer or the guard, for the asking role, every time).
 *
 * <p>Each model call has one deadline, {@code llm.timeout_seconds}; past it the call is abandoned
 * and an {@link LlmException} of kind TIMEOUT says so. The API key is never logged nor put in a
 * message: provider errors are reported by kind, not by their text.
 */
public final class LlmTranslator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LlmTranslator.class);
    static final int MAX_VALUES_PER_COLUMN = 25;
    static final int MAX_VALUE_CHARS = 80;
    static final int CACHE_SIZE = 1_000;
    static final Duration CACHE_TTL = Duration.ofHours(12);

    /**
     * Turns an answer into a result, e.g. renders and runs it. A {@link GuardException}, {@link
     * InvalidSpecException} or {@link QueryException} means "this answer does not work" and leads
     * to the repair round; other exceptions pass through.
     */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(LlmAnswer answer);
    }

    /** A result and the answer it came from; {@code modelCalls} is 0 for a cached answer. */
    public record Translated<T>(LlmAnswer answer, T value, int modelCalls) {
        public boolean cached() {
            return modelCalls == 0;
        }
    }

    private record CacheKey(
            String question, String relation, List<Column> columns, String today, String model) {}

    private final ChatModel model;
    private final String modelName;
    private final Duration timeout;
    private final String apiKey;
    private final TextTemplate system;
    private final TextTemplate repair;
    private final ObjectMapper json = Json.MAPPER;
    private final Cache<CacheKey, LlmAnswer> cache;
    private final ExecutorService calls;

    /**
     * @param apiKey only so that it can be scrubbed from anything this class logs (may be null)
     */
    public LlmTranslator(ChatModel model, String modelName, Duration timeout, String apiKey) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.modelName = Objects.requireNonNull(modelName, "modelName is null");
        this.timeout = Objects.requireNonNull(timeout, "timeout is null");
        this.apiKey = apiKey;
        this.system = ClasspathTemplates.prompts().get("search/system.txt");
        this.repair = ClasspathTemplates.prompts().get("search/repair.txt");
        this.cache =
                Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TTL).build();
        AtomicInteger threads = new AtomicInteger();
        this.calls =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread thread = new Thread(r, "llm-call-" + threads.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Answers {@code question} with the model's query, as turned into a result by {@code attempt}.
     *
     * @throws LlmException when the model does not answer in time, cannot be reached, says it
     *     cannot answer, or its answer and its one repair both fail
     */
    public <T> Translated<T> translate(LlmQuestion question, Attempt<T> attempt) {
        Objects.requireNonNull(question, "question is null");
        Objects.requireNonNull(attempt, "attempt is null");
        CacheKey key =
                new CacheKey(
                        normalise(question.question()),
                        question.relation().name(),
                        question.relation().columns(),
                        question.today().toString(),
                        modelName);
        LlmAnswer cached = cache.getIfPresent(key);
        if (cached != null) {
            try {
                return new Translated<>(cached, attempt.run(cached), 0);
            } catch (GuardException | InvalidSpecException | QueryException e) {
                // The data or the role changed under a cached answer: ask afresh.
                cache.invalidate(key);
            }
        }
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(systemPrompt(question)));
        messages.add(UserMessage.from(question.question()));
        String first = call(messages);
        String error;
        try {
            LlmAnswer answer = parse(first, question);
            T value = attempt.run(answer);
            cache.put(key, answer);
            return new Translated<>(answer, value, 1);
        } catch (GuardException | InvalidSpecException | QueryException e) {
            error = e.getMessage();
        }
        LOG.info(
                "LLM answer for '{}' could not be used ({}); asking once more",
                question.relation().name(),
                scrub(error));
        messages.add(AiMessage.from(first == null || first.isBlank() ? "(empty answer)" : first));
        messages.add(
                UserMessage.from(
                        repair.render(
                                Map.of("error", error, "relation", question.relation().name()))));
        String second = call(messages);
        try {
            LlmAnswer answer = parse(second, question);
            T value = attempt.run(answer);
            cache.put(key, answer);
            return new Translated<>(answer, value, 2);
        } catch (GuardException | InvalidSpecException | QueryException e) {
            LOG.info(
                    "LLM repaired answer for '{}' could not be used either ({})",
                    question.relation().name(),
                    scrub(e.getMessage()));
            throw new LlmException(
                    LlmException.Kind.REFUSED,
                    "The language model's answer could not be used: " + clause(e.getMessage()));
        }
    }

    /**
     * The system prompt for {@code question}: the relation, its columns and profiles, today, the
     * answer format.
     */
    private static final Pattern SQL_FENCE =
            Pattern.compile(
                    "```[ \\t]*(?:sql|duckdb|postgresql)[ \\t]*\\r?\\n(?<sql>.*?)```",
                    Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private static final Pattern ANY_FENCE =
            Pattern.compile("^```[a-zA-Z]*[ \\t]*\\r?\\n?|\\r?\\n?```$");
    private static final Pattern BARE_SELECT =
            Pattern.compile("(?:SELECT|WITH|FROM)\\b", Pattern.CASE_INSENSITIVE);

    String systemPrompt(LlmQuestion question) {
        Map<String, String> values = new HashMap<>();
        values.put("relation", question.relation().name());
        values.put("row_count", String.format(Locale.ROOT, "%,d", question.relation().rowCount()));
        values.put(
                "relation_synonyms",
                question.settings().synonyms().isEmpty()
                        ? ""
                        : "; also called " + quoteAll(question.settings().synonyms()));
        values.put("key_column", question.keyColumn() != null ? question.keyColumn() : "(none)");
        values.put("date_column", question.dateColumn() != null ? question.dateColumn() : "(none)");
        values.put("today", question.today().toString());
        values.put(
                "weekday",
                question.today().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        values.put("columns", columns(question));
        values.put(
                "local",
                question.local().isBlank()
                        ? "(none: answer the question from the columns above)"
                        : question.local());
        return system.render(values);
    }

    private static String columns(LlmQuestion question) {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        question.profiles().forEach(p -> profiles.put(p.column(), p));
        StringBuilder out = new StringBuilder();
        for (Column column : question.relation().columns()) {
            out.append("- ").append(column.name()).append(' ').append(column.type());
            ColumnProfile profile = profiles.get(column.name());
            if (profile != null) {
                out.append("; NULL ").append(percent(profile.nullFraction()));
                if (profile.min() != null && profile.max() != null && !profile.lowCardinality()) {
                    out.append("; ")
                            .append(clip(profile.min()))
                            .append(" to ")
                            .append(clip(profile.max()));
                }
                out.append("; ").append(profile.distinctCount()).append(" distinct");
            }
            List<String> synonyms =
                    question.settings().columnSynonyms().getOrDefault(column.name(), List.of());
            if (!synonyms.isEmpty()) {
                out.append("; also called ").append(quoteAll(synonyms));
            }
            if (profile != null && profile.lowCardinality() && !profile.values().isEmpty()) {
                Map<String, List<String>> valueSynonyms =
                        question.settings().valueSynonyms().getOrDefault(column.name(), Map.of());
                List<ColumnProfile.ValueCount> shown =
                        profile.values().stream().limit(MAX_VALUES_PER_COLUMN).toList();
                out.append("; values: ")
                        .append(
                                shown.stream()
                                        .map(
                                                v -> {
                                                    String text =
                                                            "'"
                                                                    + clip(v.value())
                                                                    + "' ("
                                                                    + v.count()
                                                                    + ")";
                                                    List<String> words =
                                                            valueSynonyms.getOrDefault(
                                                                    v.value(), List.of());
                                                    return words.isEmpty()
                                                            ? text
                                                            : text + " also " + quoteAll(words);
                                                })
                                        .collect(Collectors.joining(", ")));
                if (profile.values().size() > shown.size()) {
                    out.append(", … (")
                            .append(profile.values().size() - shown.size())
                            .append(" more)");
                }
            }
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** A message as a clause after a colon: lower-case start, no full stop. */
    static String clause(String message) {
        String text = message == null ? "" : message.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        boolean acronym = text.length() > 1 && Character.isUpperCase(text.charAt(1));
        return text.isEmpty() || acronym
                ? text
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Reads the model's text: one JSON object (a code fence or text around it is tolerated), or, as
     * many models answer even when asked for JSON, a fenced {@code sql} block or a bare SELECT. SQL
     * in any form still goes through the guard.
     */
    LlmAnswer parse(String text, LlmQuestion question) {
        if (text == null || text.isBlank()) {
            throw new InvalidSpecException("The answer was empty; answer with one JSON object.");
        }
        Matcher sqlFence = SQL_FENCE.matcher(text);
        if (sqlFence.find()) {
            return new LlmAnswer.Sql(sqlFence.group("sql").strip());
        }
        String bare = ANY_FENCE.matcher(text.strip()).replaceAll("").strip();
        if (BARE_SELECT.matcher(bare).lookingAt()) {
            return new LlmAnswer.Sql(
                    bare.endsWith(";") ? bare.substring(0, bare.length() - 1) : bare);
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new InvalidSpecException(
                    "The answer was neither a JSON object nor a single SELECT statement.");
        }
        JsonNode tree;
        try {
            tree = json.readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(
                    "the answer was not valid JSON: " + e.getOriginalMessage());
        }
        boolean hasSpec = tree.has("spec");
        boolean hasSql = tree.has("sql");
        if (!hasSpec && !hasSql && tree.path("error").isTextual()) {
            throw new LlmException(
                    LlmException.Kind.UNANSWERABLE,
                    "The language model could not answer this from "
                            + question.relation().name()
                            + ": "
                            + clip(tree.path("error").asText()));
        }
        if (hasSpec == hasSql) {
            throw new InvalidSpecException(
                    "the answer must have exactly one of \"spec\" or \"sql\"");
        }
        if (hasSql) {
            if (!tree.path("sql").isTextual()) {
                throw new InvalidSpecException("\"sql\" must be a string holding one SELECT");
            }
            return new LlmAnswer.Sql(tree.path("sql").asText());
        }
        return new LlmAnswer.Spec(new SpecJson(question.relation()).read(tree.path("spec")));
    }

    /**
     * One plain exchange with the model under the same deadline and error handling as a
     * translation: a system prompt and a user message in, the model's text out (may be null). For
     * small side tasks such as naming a joined view; no cache, no repair round.
     *
     * @throws LlmException when the model does not answer in time or cannot be reached
     */
    public String complete(String systemPrompt, String userMessage) {
        return call(List.of(SystemMessage.from(systemPrompt), UserMessage.from(userMessage)));
    }

    private String call(List<ChatMessage> messages) {
        Future<ChatResponse> future = calls.submit(() -> model.chat(messages));
        try {
            ChatResponse response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.aiMessage() == null ? null : response.aiMessage().text();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new LlmException(
                    LlmException.Kind.UNAVAILABLE, "The language model call was interrupted.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (isTimeout(cause)) {
                throw timedOut();
            }
            // Provider messages can echo request details: log the kind and a scrubbed message, tell
            // the user less.
            LOG.warn(
                    "LLM call to model {} failed: {}: {}",
                    modelName,
                    cause.getClass().getSimpleName(),
                    scrub(cause.getMessage()));
            throw new LlmException(
                    LlmException.Kind.UNAVAILABLE,
                    "The language model could not be reached or answered with an error ("
                            + cause.getClass().getSimpleName()
                            + ").");
        }
    }

    private LlmException timedOut() {
        return new LlmException(
                LlmException.Kind.TIMEOUT,
                "The language model did not answer in " + seconds(timeout) + ".");
    }

    private static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof TimeoutException
                    || t instanceof InterruptedIOException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Removes the API key from text that is about to be logged. */
    String scrub(String text) {
        if (text == null) {
            return "";
        }
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "***");
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String normalise(String question) {
        return question.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return p == 0 ? "0%" : p < 1 ? "<1%" : Math.round(p) + "%";
    }

    private static String clip(String text) {
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= MAX_VALUE_CHARS
                ? oneLine
                : oneLine.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static String quoteAll(List<String> words) {
        return words.stream().map(w -> "\"" + clip(w) + "\"").collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
