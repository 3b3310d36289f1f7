package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rowdesk.TestApp;
import io.rowdesk.TestLlmServer;
import io.rowdesk.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a language model configured (a local OpenAI-compatible test server), the search bar can ask
 * it.
 */
class LlmSearchBrowserTest {
    private static final String SPEC =
            """
            {"spec": {"conditions": [{"op": "ge", "column": "amount", "value": 1000, "label": "amount ≥ 1000 (big)"}]}}""";

    @TempDir static Path dir;
    static TestLlmServer llm;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.launch();
        llm = new TestLlmServer();
        Path config = dir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                "llm:\n  provider: openai\n  model: test\n  base_url: "
                        + llm.baseUrl()
                        + "\n  api_key: test-key\n  timeout_seconds: 10\n");
        app = TestApp.start(dir.resolve("data"), config);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (llm != null) {
            llm.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_question_the_local_translator_cannot_place_is_answered_by_the_model_and_badged_ai() {
        llm.answer(SPEC);
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login?next=/relations/payouts");
            page.fill("#email", TestApp.email(Role.VIEWER));
            page.fill("#password", TestApp.password(Role.VIEWER));
            page.click("button[type=submit]");
            page.waitForSelector(".grid .row:not(.loading)");
            page.locator(".search-input").fill("big payouts");
            assertThat(page.locator(".engine-badge")).hasText("AI");
            assertThat(page.locator(".chips .chip").first()).containsText("amount ≥ 1000 (big)");
            assertThat(page.locator(".ask-llm")).isVisible();

            // a question the local translator understands is still sent to the model on demand
            page.locator(".search-input").fill("paid payouts");
            assertThat(page.locator(".engine-badge")).hasText("instant");
            llm.answer(SPEC);
            page.locator(".ask-llm").click();
            assertThat(page.locator(".engine-badge")).hasText("AI");
        }
    }
}
