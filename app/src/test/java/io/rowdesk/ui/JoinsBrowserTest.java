package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import org.junit.jupiter.api.Test;

/**
 * A builder joins two demo tables from the Sources page: the true key comes first with its measured
 * overlap, the proposed name is filled in, and the new view opens in the grid.
 */
class JoinsBrowserTest extends BrowserAppTest {

    @Test
    void a_builder_picks_the_suggested_key_and_opens_the_new_view() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login?next=/sources");
            page.fill("#email", TestApp.email(Role.BUILDER));
            page.fill("#password", TestApp.password(Role.BUILDER));
            page.click("button[type=submit]");
            Locator joins = page.locator("[data-joins]");
            joins.locator("select[name=left]").selectOption("payouts");
            joins.locator("select[name=right]").selectOption("referrals");
            joins.locator("button:has-text('Suggest how to join')").click();

            Locator best = joins.locator("tbody tr").first();
            assertThat(best).hasAttribute("data-join-columns", "referral_id=referral_id");
            assertThat(best).containsText("best match");
            assertThat(best.locator("td.num").nth(1)).hasText("100%");
            best.locator("button:has-text('Create a view')").click();
            Locator name = joins.locator("input.join-name");
            assertThat(name).hasValue("payouts_with_referrals");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("joins-suggested.png")));

            joins.locator("button:has-text('Create view')").click();
            Locator done = joins.locator(".join-done");
            // creating the view reads its rows and profiles them: give a loaded machine time
            assertThat(done)
                    .containsText(
                            "Created payouts_with_referrals",
                            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            done.locator("a").click();
            page.waitForSelector(".grid .row:not(.loading)");
            assertThat(page.locator("h1")).hasText("payouts_with_referrals");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("joins-view-open.png")));
        }
    }
}
