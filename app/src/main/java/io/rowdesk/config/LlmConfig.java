package io.rowdesk.config;

import java.time.Duration;

/**
 * {@code llm:} the optional model that takes the questions the local translator cannot. {@code
 * provider} NONE means no LLM is configured. The API key is a secret: never log it.
 */
public record LlmConfig(
        Provider provider, String model, String baseUrl, String apiKey, Duration timeout) {
    public enum Provider {
        NONE,
        OPENAI,
        ANTHROPIC,
        OLLAMA
    }

    public static final LlmConfig NONE =
            new LlmConfig(Provider.NONE, null, null, null, Duration.ofSeconds(20));

    @Override
    public String toString() {
        return "LlmConfig[provider="
                + provider
                + ", model="
                + model
                + ", baseUrl="
                + baseUrl
                + ", apiKey="
                + (apiKey == null ? "none" : "***")
                + ", timeout="
                + timeout
                + "]";
    }
}
