package io.rowdesk.search.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.rowdesk.config.LlmConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds the langchain4j client for {@code llm.provider}. No retries inside the client: a person is
 * waiting, so {@link LlmTranslator} gives each call one deadline and falls back instead. Request
 * and response logging stay off, as they would print the API key's neighbourhood and the data's
 * values.
 */
public final class ChatModels {
    /**
     * The HTTP timeout is a little longer than the translator's deadline, so the deadline always
     * decides.
     */
    private static final Duration HTTP_SLACK = Duration.ofSeconds(1);

    private static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";

    private ChatModels() {}

    public static ChatModel create(LlmConfig config) {
        Objects.requireNonNull(config, "config is null");
        Duration timeout = config.timeout().plus(HTTP_SLACK);
        return switch (config.provider()) {
            case NONE ->
                    throw new IllegalArgumentException(
                            "llm.provider is none: there is no model to build");
            case OPENAI ->
                    OpenAiChatModel.builder()
                            .baseUrl(config.baseUrl())
                            // An OpenAI-compatible local server (vLLM, llama.cpp) may need no key;
                            // the client needs some text.
                            .apiKey(config.apiKey() != null ? config.apiKey() : "none")
                            .modelName(config.model())
                            .temperature(0.0)
                            .timeout(timeout)
                            .maxRetries(0)
                            .logRequests(false)
                            .logResponses(false)
                            .build();
            case ANTHROPIC -> {
                AnthropicChatModel.AnthropicChatModelBuilder builder =
                        AnthropicChatModel.builder()
                                .apiKey(config.apiKey())
                                .modelName(config.model())
                                .temperature(0.0)
                                .maxTokens(2000)
                                .timeout(timeout)
                                .maxRetries(0)
                                .logRequests(false)
                                .logResponses(false);
                if (config.baseUrl() != null) {
                    builder.baseUrl(config.baseUrl());
                }
                yield builder.build();
            }
            case OLLAMA ->
                    OllamaChatModel.builder()
                            .maxRetries(0)
                            .baseUrl(
                                    config.baseUrl() != null
                                            ? config.baseUrl()
                                            : OLLAMA_DEFAULT_URL)
                            .modelName(config.model())
                            .temperature(0.0)
                            .timeout(timeout)
                            .build();
        };
    }
}
