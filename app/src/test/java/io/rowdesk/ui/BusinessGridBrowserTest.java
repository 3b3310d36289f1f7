package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The grid as a business user meets it: labels, formats, search manners, filters, panel. */
class BusinessGridBrowserTest extends BrowserAppTest {
    private static List<String> consoleErrors(Page page) {
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(
                m -> {
                    if ("error".equals(m.type())) {
                        errors.add(m.text());
                    }
                });
        page.onPageError(errors::add);
        return errors;
    }

    private static long apiTotal(String relation, String query) {
        return TestHttp.json(
                        http.getWithToken(
                                "/api/v1/relations/" + relation + "/rows?limit=1&" + query,
                                app.token(Role.VIEWER)))
                .get("total")
                .asLong();
    }

    @Test
    void payout_review_opens_newest_first_with_labels_money_and_readable_values() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payout_review");
            Locator headers = page.locator(".grid-head .cell.head");
            assertThat(headers.nth(0)).containsText("Payout");
            assertThat(headers.nth(1)).containsText("Amount");
            assertThat(headers.nth(1).locator(".col-type")).hasText("USD");
            assertThat(headers.nth(2)).containsText("Paid by");
            // the SQL name and type moved to a tooltip
            assertThat(headers.nth(1)).hasAttribute("title", "amount · decimal(10,2)");
            Locator requested = page.locator(".grid-head .cell.head[data-column=requested_at]");
            assertThat(requested).hasAttribute("aria-sort", "descending");
            assertThat(requested.locator(".col-type")).hasText("UTC");

            Locator first = page.locator(".grid .row[aria-rowindex='1'] .cell");
            assertThat(first.nth(1)).hasText(Pattern.compile("^\\$[0-9,]+\\.[0-9]{2}$"));
            assertThat(first.nth(2)).hasText(Pattern.compile("^(PayPal|Venmo|Visa gift card)$"));
            assertThat(first.nth(4))
                    .hasText(Pattern.compile("^[A-Z][a-z]{2} \\d{1,2}, \\d{4} \\d{2}:\\d{2}$"));
            // newest first: the first row is the latest request
            String newest =
                    TestHttp.json(
                                    http.getWithToken(
                                            "/api/v1/relations/payout_review/rows?sort=-requested_at&limit=1",
                                            app.token(Role.VIEWER)))
                            .get("rows")
                            .get(0)
                            .get(0)
                            .asText();
            assertThat(first.nth(0)).hasText(newest);
            assertThat(page.locator("body")).not().containsText("visa_gift_card");
            // the export keeps raw values; the column menu offers labels as headers
            assertThat(page.locator(".grid-toolbar a:has-text('Export CSV')").first())
                    .hasAttribute("href", Pattern.compile(".*/export\\.csv\\?sort=-requested_at$"));
            assertThat(page.locator(".column-menu .export-labels"))
                    .hasAttribute("href", Pattern.compile(".*header=labels.*"));
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("labels-formats.png")));
        }
    }

    @Test
    void typing_letter_by_letter_shows_no_error_before_the_pause() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts");
            List<String> errors = consoleErrors(page);
            // record every hint or problem that ever appears under the bar
            page.evaluate(
                    "() => { window.__hints = []; const m = document.querySelector('.search-message');"
                            + " new MutationObserver(() => { if (m.textContent) window.__hints.push(m.className + ': ' + m.textContent); })"
                            + ".observe(m, {childList: true, subtree: true, characterData: true, attributes: true}); }");
            Locator input = page.locator(".search-input");
            input.pressSequentially("pend", new Locator.PressSequentiallyOptions().setDelay(120));
            // a pause inside a word that the vocabulary can finish: suggestions, no error
            assertThat(page.locator(".suggest-list .suggest-item").first()).containsText("pending");
            page.waitForTimeout(1500);
            input.pressSequentially(
                    "ing venmo payouts over 100",
                    new Locator.PressSequentiallyOptions().setDelay(120));
            assertThat(page.locator(".chips .chip").first()).containsText("status is pending");
            assertThat(page.locator(".engine-badge")).hasText("instant");
            assertThat(page.locator(".engine-badge"))
                    .hasAttribute("title", Pattern.compile(".*instantly.*"));
            @SuppressWarnings("unchecked")
            List<String> hints = (List<String>) page.evaluate("() => window.__hints");
            assertThat(hints).isEmpty();
            assertThat(errors).isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.artifact("typing.png")));

            // a question not understood, asked with Enter: a calm hint, still no console error
            input.fill("spendy payouts");
            input.press("Enter");
            Locator hint = page.locator(".search-message.hint");
            assertThat(hint).containsText("spendy");
            // what to try instead are real columns and values only
            List<String> offered = hint.locator(".suggestion").allTextContents();
            @SuppressWarnings("unchecked")
            List<String> real =
                    (List<String>)
                            page.evaluate(
                                    "() => [...document.querySelector('[data-search]').search.terms()]");
            assertThat(real).containsAll(offered);
            assertThat(offered).noneMatch(s -> s.endsWith("eds") || s.endsWith(".coms"));
            assertThat(errors).isEmpty();
        }
    }

    @Test
    void try_asking_examples_come_from_the_relation_and_work() {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts");
            Locator examples = page.locator(".try-asking .example");
            assertThat(examples.first()).isVisible();
            int n = examples.count();
            assertThat(n).isBetween(2, 4);
            for (int i = 0; i < n; i++) {
                String question = examples.nth(i).textContent();
                examples.nth(i).click();
                assertThat(page.locator(".engine-badge")).isVisible();
                assertThat(page.locator(".search-message.hint")).hasCount(0);
                page.locator(".search-input").fill("");
                assertThat(page.locator(".try-asking .example").nth(i)).hasText(question);
            }
        }
    }

    @Test
    void the_filter_panel_combines_with_an_english_search_and_lives_in_the_url() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts");
            page.locator(".search-input").fill("paid");
            page.locator(".search-input").press("Enter");
            assertThat(page.locator(".chips .chip").first()).containsText("status is paid");
            page.locator(".grid-head .cell.head[data-column=method]").hover();
            page.locator(".grid-head .cell.head[data-column=method] .col-filter").click();
            Locator panel = page.locator(".filter-menu");
            assertThat(panel).isVisible();
            assertThat(panel.locator(".value-item")).hasCount(3);
            assertThat(
                            panel.locator(".value-item")
                                    .filter(new Locator.FilterOptions().setHasText("Venmo")))
                    .containsText(Pattern.compile("Venmo\\s*[0-9,]+"));
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("filter-panel.png")));
            panel.locator(".value-item:has-text('Venmo') input").check();
            panel.locator("button:has-text('Apply')").click();
            Locator chip = page.locator(".filter-chips .chip");
            assertThat(chip).hasText(Pattern.compile("Method is Venmo.*"));
            String filters = "[{\"column\":\"method\",\"op\":\"in\",\"values\":[\"venmo\"]}]";
            long expected =
                    apiTotal(
                            "payouts",
                            "q=paid&filters=" + URLEncoder.encode(filters, StandardCharsets.UTF_8));
            assertThat(page.locator(".grid-count"))
                    .hasText(Pattern.compile("^" + expected + " rows? · filtered from 600$"));
            page.waitForTimeout(300);
            assertThat(page).hasURL(Pattern.compile(".*filters=.*venmo.*"));
            assertThat(page).hasURL(Pattern.compile(".*q=paid.*"));

            // a range on a number, from the panel's own column picker
            page.locator(".filter-button").click();
            panel.locator(".filter-column").selectOption("amount");
            panel.locator(".filter-input.from").fill("100");
            panel.locator("button:has-text('Apply')").click();
            assertThat(page.locator(".filter-chips .chip")).hasCount(2);
            assertThat(page.locator(".filter-chips .chip").nth(1))
                    .hasText(Pattern.compile("Amount at least \\$100\\.00.*"));
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(Browser.artifact("filters-and-search.png")));
            page.waitForTimeout(300);

            // the link reproduces it
            Page again = context.newPage();
            again.navigate(page.url());
            again.waitForSelector(".grid .row:not(.loading)");
            assertThat(again.locator(".filter-chips .chip")).hasCount(2);
            assertThat(again.locator(".chips .chip").first()).containsText("status is paid");
            assertThat(again.locator(".grid-count"))
                    .hasText(page.locator(".grid-count").textContent());

            // removing a chip widens the rows
            page.locator(".filter-chips .chip").nth(0).locator(".chip-remove").click();
            assertThat(page.locator(".filter-chips .chip")).hasCount(1);
            assertThat(page).hasURL(Pattern.compile("^(?!.*venmo).*$"));
        }
    }

    @Test
    void an_empty_result_says_what_was_searched_and_offers_to_widen_it() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            String filters = "[{\"column\":\"amount\",\"op\":\"between\",\"min\":\"999999\"}]";
            Page page =
                    loggedIn(
                            context,
                            Role.VIEWER,
                            "/relations/payouts?filters="
                                    + URLEncoder.encode(filters, StandardCharsets.UTF_8));
            Locator empty = page.locator(".grid-empty");
            assertThat(empty).isVisible();
            assertThat(empty).containsText("No rows match Amount at least $999,999.00");
            assertThat(page.locator(".grid-toolbar button:has-text('Select all')")).isHidden();
            assertThat(page.locator(".grid-count")).hasText("0 rows · filtered from 600");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("empty-state.png")));
            empty.locator("button:has-text('Remove')").click();
            assertThat(empty).isHidden();
            assertThat(page.locator(".grid-count")).hasText("600 rows");
        }
    }

    @Test
    void a_double_click_opens_the_row_panel_titled_by_the_key_with_a_link_to_the_row()
            throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = loggedIn(context, Role.VIEWER, "/relations/payout_review");
            Locator row = page.locator(".grid .row[aria-rowindex='2']");
            String id = row.locator(".cell").first().textContent();
            row.locator(".cell").nth(3).dblclick();
            Locator panel = page.locator(".row-panel");
            assertThat(panel).isVisible();
            assertThat(panel.locator(".panel-title")).hasText("Payout " + id);
            assertThat(panel.locator("dt").nth(2)).hasText("Paid by");
            assertThat(panel.locator("dd").nth(1)).containsText("$");
            panel.locator("dd").nth(8).hover();
            panel.locator("dd").nth(8).locator(".copy-value").click();
            String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertThat(copied).contains("@");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("row-panel.png")));

            String link = panel.locator(".row-link").getAttribute("href");
            Page opened = context.newPage();
            opened.navigate(link);
            opened.waitForSelector(".grid .row:not(.loading)");
            assertThat(opened.locator(".grid-count")).hasText("1 row · filtered from 600");
            assertThat(opened.locator(".row-panel .panel-title")).hasText("Payout " + id);
            page.keyboard().press("Escape");
            assertThat(panel).isHidden();
        }
    }

    @Test
    void a_link_to_a_grouped_answer_opens_the_same_labelled_table_and_chart() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.BUILDER, "/relations/payouts");
            page.locator(".search-input").fill("total amount by method");
            page.locator(".search-input").press("Enter");
            Locator table = page.locator(".aggregate-result table");
            assertThat(table.locator("th").nth(0)).hasText("Method");
            assertThat(table.locator("th").nth(1)).hasText("Total amount");
            assertThat(table.locator("tbody tr")).hasCount(3);
            List<String> totals = table.locator("tbody tr td:nth-child(2)").allTextContents();
            List<Double> amounts =
                    totals.stream().map(t -> Double.parseDouble(t.replaceAll("[$,]", ""))).toList();
            assertThat(amounts).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(page.locator(".result-notice")).hasText("3 groups");
            page.waitForTimeout(400);
            assertThat(page).hasURL(Pattern.compile(".*q=total\\+amount\\+by\\+method.*"));

            Page shared = context.newPage();
            shared.navigate(page.url());
            assertThat(shared.locator(".aggregate-result table th").nth(1)).hasText("Total amount");
            assertThat(shared.locator(".aggregate-result canvas")).isVisible();
            assertThat(shared.locator(".aggregate-result tbody tr td:nth-child(2)"))
                    .hasText(totals.toArray(new String[0]));

            // dates cut to their grain, in time order
            page.locator(".search-input").fill("count by month");
            page.locator(".search-input").press("Enter");
            assertThat(table.locator("th").nth(0)).hasText("Month");
            assertThat(table.locator("tbody tr td").first())
                    .hasText(Pattern.compile("^[A-Z][a-z]{2} \\d{4}$"));
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("grouped-by-month.png")));
        }
    }

    @Test
    void a_shared_view_opens_as_saved_for_another_user_and_a_private_one_stays_private()
            throws Exception {
        try (BrowserContext builderContext = browser.newContext(app.baseUrl());
                BrowserContext viewerContext = browser.newContext(app.baseUrl())) {
            Page builder = loggedIn(builderContext, Role.BUILDER, "/relations/payouts?sort=amount");
            builder.locator(".search-input").fill("pending");
            builder.locator(".search-input").press("Enter");
            assertThat(builder.locator(".chips .chip").first()).containsText("status is pending");
            builder.locator(".filter-button").click();
            builder.locator(".filter-menu .filter-column").selectOption("method");
            builder.locator(".filter-menu .value-item:has-text('PayPal') input").check();
            builder.locator(".filter-menu button:has-text('Apply')").click();
            assertThat(builder.locator(".filter-chips .chip")).hasCount(1);
            builder.locator(".grid-toolbar .columns-button").click();
            builder.locator(".column-menu label:has-text('Referral ID') input").uncheck();
            builder.locator(".grid-toolbar .save-button")
                    .click(new Locator.ClickOptions().setForce(true));
            Locator dialog = builder.locator(".save-menu");
            assertThat(dialog).isVisible();
            dialog.locator(".view-name").fill("Team pending PayPal");
            dialog.locator(".share input").check();
            builder.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("save-view.png")));
            dialog.locator(".save-new").click();
            assertThat(dialog).isHidden();
            Locator builderSidebar = builder.locator("[data-saved-views] .saved-link");
            assertThat(
                            builderSidebar.filter(
                                    new Locator.FilterOptions().setHasText("Team pending PayPal")))
                    .containsText("shared");
            String expectedCount = builder.locator(".grid-count").textContent();

            // another user finds it in the sidebar and it opens exactly as saved
            Page viewer = loggedIn(viewerContext, Role.VIEWER, "/relations/partners");
            Locator shared =
                    viewer.locator(
                            "[data-saved-views] .saved-link:has-text('Team pending PayPal')");
            assertThat(shared).isVisible();
            shared.click();
            viewer.waitForURL(Pattern.compile(".*/relations/payouts\\?.*view=.*"));
            assertThat(viewer.locator(".chips .chip").first()).containsText("status is pending");
            assertThat(viewer.locator(".filter-chips .chip"))
                    .hasText(Pattern.compile("Method is PayPal.*"));
            assertThat(viewer.locator(".grid-head .cell.head[data-column=referral_id]"))
                    .hasCount(0);
            assertThat(viewer.locator(".grid-head .cell.head[data-column=amount]"))
                    .hasAttribute("aria-sort", "ascending");
            assertThat(viewer.locator(".grid-count")).hasText(expectedCount);
            assertThat(viewer.locator("[data-saved-views] .saved-link.active"))
                    .containsText("Team pending PayPal");
            viewer.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(Browser.artifact("saved-view-opened.png")));

            // a viewer may not share, but keeps a private view that the builder does not see
            viewer.locator(".grid-toolbar .save-button").click();
            assertThat(viewer.locator(".save-menu .share input")).isDisabled();
            viewer.locator(".save-menu .view-name").fill("My own PayPal");
            viewer.locator(".save-menu .save-new").click();
            assertThat(viewer.locator("[data-saved-views] .saved-link:has-text('My own PayPal')"))
                    .isVisible();
            builder.reload();
            assertThat(
                            builder.locator(
                                    "[data-saved-views] .saved-link:has-text('Team pending PayPal')"))
                    .isVisible();
            assertThat(builder.locator("[data-saved-views] .saved-link:has-text('My own PayPal')"))
                    .hasCount(0);
        }
    }
}
