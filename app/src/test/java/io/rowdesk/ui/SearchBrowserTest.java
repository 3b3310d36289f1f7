package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.rowdesk.auth.Role;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The search bar above the grid, in a real browser. */
class SearchBrowserTest extends BrowserAppTest {
    @Test
    void typing_filters_the_grid_shows_chips_and_a_removed_chip_widens_it() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts");
            page.locator(".search-input")
                    .pressSequentially(
                            "paid payouts over $1k",
                            new Locator.PressSequentiallyOptions().setDelay(15));
            Locator chips = page.locator(".chips .chip");
            assertThat(chips).hasCount(2);
            assertThat(chips.nth(0)).containsText("status is paid");
            assertThat(chips.nth(1)).containsText("amount > 1000");
            assertThat(page.locator(".engine-badge")).hasText("instant");
            assertThat(page).hasURL(Pattern.compile(".*q=paid.*"));
            String filtered = page.locator(".grid-count").textContent();
            assertThat(filtered).doesNotContain("600 rows");
            assertThat(page.locator(".grid .row:not(.loading) .cell").nth(5)).hasText("Paid");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("search-chips.png")));

            chips.nth(1).locator(".chip-remove").click();
            assertThat(page.locator(".chips .chip")).hasCount(1);
            page.waitForFunction(
                    "c => document.querySelector('.grid-count').textContent !== c", filtered);
            assertThat(page.locator(".grid-count").textContent()).isNotEqualTo(filtered);
        }
    }

    @Test
    void words_it_cannot_place_get_a_message_with_suggestions_and_the_grid_keeps_its_rows() {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts");
            page.locator(".search-input").fill("pendng spendy payouts");
            Locator message = page.locator(".search-message.hint");
            assertThat(message).containsText("I could not match 'spendy'");
            assertThat(page.locator(".grid .row:not(.loading)").first()).isVisible();
            assertThat(page.locator(".grid-count")).hasText("600 rows");
        }
    }

    @Test
    void an_aggregate_shows_as_a_table_and_a_chart() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.BUILDER, "/relations/payouts");
            page.locator(".search-input").fill("total amount by method");
            assertThat(page.locator(".aggregate-result")).isVisible();
            assertThat(page.locator(".aggregate-result tbody tr")).hasCount(3);
            assertThat(page.locator(".aggregate-result canvas")).isVisible();
            assertThat(page.locator(".grid")).isHidden();
            page.locator(".sql-toggle summary").click();
            assertThat(page.locator(".sql-text"))
                    .hasValue(Pattern.compile("SELECT \"method\".*sum\\(\"amount\"\\).*"));
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("search-aggregate.png")));
            page.locator(".search-input").fill("");
            assertThat(page.locator(".grid")).isVisible();
        }
    }

    @Test
    void suggestions_complete_a_value_while_typing() {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts");
            page.locator(".search-input").pressSequentially("ven");
            Locator item = page.locator(".suggest-list .suggest-item").first();
            assertThat(item).containsText("venmo");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            assertThat(page.locator(".search-input")).hasValue("venmo ");
            assertThat(page.locator(".chips .chip").first()).containsText("method is venmo");
        }
    }
}
