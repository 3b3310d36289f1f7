package io.rowdesk.ui;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven by Playwright, offline. Without Chromium the browser tests skip
 * loudly on a developer machine and fail under CI, which installs it.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path ARTIFACTS = Path.of("target", "test-artifacts");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String message =
                    "Chromium is not installed at " + CHROMIUM + ": apt-get install -y chromium";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("SKIPPING BROWSER TESTS: " + message);
            Assumptions.abort(message);
        }
        Playwright playwright =
                Playwright.create(
                        new Playwright.CreateOptions()
                                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser =
                playwright
                        .chromium()
                        .launch(
                                new BrowserType.LaunchOptions()
                                        .setExecutablePath(CHROMIUM)
                                        .setHeadless(true)
                                        .setArgs(
                                                List.of(
                                                        "--no-sandbox",
                                                        "--disable-gpu",
                                                        "--disable-background-networking",
                                                        "--disable-component-update",
                                                        "--disable-sync",
                                                        "--no-first-run",
                                                        "--disable-quic")));
        return new Browser(playwright, browser);
    }

    public BrowserContext newContext(String baseUrl) {
        return browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setViewportSize(1440, 900));
    }

    public static Path artifact(String name) throws java.io.IOException {
        Files.createDirectories(ARTIFACTS);
        return ARTIFACTS.resolve(name);
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
