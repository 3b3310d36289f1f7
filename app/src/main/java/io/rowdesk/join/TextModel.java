package io.rowdesk.join;

/**
 * A language model as the join package uses it: a system prompt and a message in, text out. Wired
 * to the configured LLM; this package does not know which one.
 */
@FunctionalInterface
public interface TextModel {
    String complete(String systemPrompt, String userMessage);
}
