package io.rowdesk.ui;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A {@link DemoAppTest} with headless Chromium beside it. */
abstract class BrowserAppTest extends DemoAppTest {
    protected static Browser browser;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    /**
     * A new page, logged in through the form as {@code role}, on {@code path} with its grid loaded
     * (its first rows, or its empty state).
     */
    static Page loggedIn(BrowserContext context, Role role, String path) {
        Page page = context.newPage();
        page.navigate("/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
        page.fill("#email", TestApp.email(role));
        page.fill("#password", TestApp.password(role));
        page.click("button[type=submit]");
        page.waitForSelector(".grid .row:not(.loading), .grid-empty:not([hidden])");
        return page;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
