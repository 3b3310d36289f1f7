package io.rowdesk.search.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.rowdesk.config.ConfigLoader;
import io.rowdesk.config.LlmConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatModelsTest {

    @Test
    void every_configured_provider_builds_a_client_without_calling_it() {
        Duration timeout = Duration.ofSeconds(5);
        assertThat(
                        ChatModels.create(
                                new LlmConfig(
                                        LlmConfig.Provider.OPENAI,
                                        "gpt-test",
                                        "http://127.0.0.1:1/v1",
                                        null,
                                        timeout)))
                .isInstanceOf(OpenAiChatModel.class);
        assertThat(
                        ChatModels.create(
                                new LlmConfig(
                                        LlmConfig.Provider.ANTHROPIC,
                                        "claude-test",
                                        null,
                                        "k",
                                        timeout)))
                .isInstanceOf(AnthropicChatModel.class);
        assertThat(
                        ChatModels.create(
                                new LlmConfig(
                                        LlmConfig.Provider.OLLAMA,
                                        "llama-test",
                                        null,
                                        null,
                                        timeout)))
                .isInstanceOf(OllamaChatModel.class);
        assertThatThrownBy(() -> ChatModels.create(LlmConfig.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_provider_that_needs_a_key_without_one_is_a_config_error_naming_the_key() {
        ConfigLoader loader = new ConfigLoader(Map.of());
        assertThatThrownBy(() -> loader.parse("llm:\n  provider: anthropic\n  model: m\n", "f"))
                .hasMessageContaining("llm.api_key: is required for provider anthropic");
        assertThatThrownBy(() -> loader.parse("llm:\n  provider: openai\n  model: m\n", "f"))
                .hasMessageContaining(
                        "llm.api_key: is required for provider openai (unless base_url");
        assertThat(
                        loader.parse(
                                        "llm:\n  provider: openai\n  model: m\n  base_url: http://127.0.0.1:8000/v1\n",
                                        "f")
                                .llm()
                                .apiKey())
                .isNull();
    }
}
