package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import org.junit.jupiter.api.Test;

/** A person logs in, browses the relations and logs out, in a real browser. */
class RelationPageBrowserTest extends BrowserAppTest {
    @Test
    void a_person_logs_in_browses_all_six_relations_and_logs_out() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = context.newPage();
            page.navigate("/relations/payout_review");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.artifact("login.png")));

            page.fill("#email", TestApp.email(Role.ADMIN));
            page.fill("#password", "wrong");
            page.click("button[type=submit]");
            assertThat(page.locator(".alert")).containsText("do not match");

            page.fill("#password", TestApp.ADMIN_PASSWORD);
            page.click("button[type=submit]");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/relations/payout_review$"));
            assertThat(page.locator("header .who")).hasText(TestApp.email(Role.ADMIN));
            assertThat(page.locator("header .role")).hasText("admin");
            assertThat(page.locator(".grid .row:not(.loading)").first()).isVisible();
            assertThat(page.locator(".grid-head .cell.head").first()).containsText("Payout");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("relation-page.png")));

            for (String relation :
                    new String[] {"partners", "referrers", "payouts", "referrals", "lead_events"}) {
                page.click(".sidebar a:has-text('" + relation + "')");
                assertThat(page.locator("h1")).hasText(relation);
                assertThat(page.locator(".sidebar a.active .rel-name")).hasText(relation);
                assertThat(page.locator(".grid .row:not(.loading)").first()).isVisible();
            }
            String amount =
                    page.evaluate(
                                    "() => getComputedStyle(document.querySelector('.grid .row .cell.num')).textAlign")
                            .toString();
            assertThat(amount).isEqualTo("right");

            page.click("a.brand");
            assertThat(page.locator(".card")).hasCount(6);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.artifact("home.png")));

            page.click("text=Log out");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
            page.navigate("/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        }
    }

    @Test
    void the_app_loads_no_resource_from_another_host() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            java.util.List<String> foreign = new java.util.concurrent.CopyOnWriteArrayList<>();
            context.onRequest(
                    request -> {
                        if (!request.url().startsWith(app.baseUrl())
                                && !request.url().startsWith("data:")) {
                            foreign.add(request.url());
                        }
                    });
            Page page = context.newPage();
            page.navigate("/login");
            page.fill("#email", TestApp.email(Role.VIEWER));
            page.fill("#password", TestApp.PASSWORD);
            page.click("button[type=submit]");
            page.waitForFunction("() => window.htmx !== undefined");
            assertThat(foreign).isEmpty();
        }
    }
}
