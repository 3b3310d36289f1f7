package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The grid in a real browser, on the demo's lead_events (50,000 rows at test scale). */
class GridBrowserTest extends BrowserAppTest {
    private static String oldestEventTime() {
        var body =
                TestHttp.json(
                        http.getWithToken(
                                "/api/v1/relations/lead_events/rows?sort=occurred_at,event_id&limit=1",
                                app.token(Role.VIEWER)));
        return body.get("rows").get(0).get(4).asText();
    }

    @Test
    void dragging_the_scrollbar_to_the_bottom_shows_the_oldest_event_last() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/lead_events");
            Locator header = page.locator(".grid-head .cell.head[data-column=occurred_at]");
            header.click();
            header.click();
            assertThat(header).hasAttribute("aria-sort", "descending");
            assertThat(page).hasURL(Pattern.compile(".*sort=-occurred_at.*"));

            // drag the grid's scrollbar thumb all the way down
            var thumb = page.locator(".grid-thumb").boundingBox();
            var track = page.locator(".grid-vscroll").boundingBox();
            page.mouse().move(thumb.x + thumb.width / 2, thumb.y + thumb.height / 2);
            page.mouse().down();
            page.mouse()
                    .move(
                            thumb.x + thumb.width / 2,
                            track.y + track.height + 50,
                            new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            page.mouse().up();
            assertThat(page.locator(".grid-status")).containsText("–50,000");
            Locator last = page.locator(".grid .row[aria-rowindex='50000']");
            assertThat(last).not().hasClass(Pattern.compile(".*loading.*"));
            String shown = last.locator(".cell").nth(4).textContent();
            String expected =
                    (String)
                            page.evaluate(
                                    "t => RowdeskGrid.format(t, document.querySelector('[data-grid]').grid"
                                            + ".columns.find(c => c.name === 'occurred_at')).text",
                                    oldestEventTime());
            assertThat(shown).isEqualTo(expected);
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("grid-bottom.png")));
        }
    }

    @Test
    void dragging_the_thumb_to_80_percent_shows_the_rows_at_80_percent() {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/lead_events?sort=event_id");
            var thumb = page.locator(".grid-thumb").boundingBox();
            var track = page.locator(".grid-vscroll").boundingBox();
            double travel = (track.y + track.height) - (thumb.y + thumb.height);
            page.mouse().move(thumb.x + thumb.width / 2, thumb.y + 2);
            page.mouse().down();
            page.mouse()
                    .move(
                            thumb.x + thumb.width / 2,
                            thumb.y + 2 + 0.8 * travel,
                            new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
            page.mouse().up();
            page.waitForSelector(".grid .row:not(.loading)");
            String status = page.locator(".grid-status").textContent();
            long first =
                    Long.parseLong(status.replaceAll("^Rows ([0-9,]+)–.*$", "$1").replace(",", ""));
            assertThat(first).isBetween(39_000L, 41_000L);
            String firstId =
                    page.locator(".grid .row[aria-rowindex='" + first + "'] .cell")
                            .first()
                            .textContent();
            assertThat(Long.parseLong(firstId))
                    .isEqualTo(first); // sorted by event_id, which runs 1..N
        }
    }

    @Test
    void shift_click_selects_a_range_that_ctrl_c_copies_as_tsv() {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            Page page = loggedIn(context, Role.VIEWER, "/relations/payouts?sort=payout_id");
            page.locator(".grid .row[aria-rowindex='3'] .cell").first().click();
            page.locator(".grid .row[aria-rowindex='7'] .cell")
                    .first()
                    .click(
                            new Locator.ClickOptions()
                                    .setModifiers(
                                            List.of(
                                                    com.microsoft.playwright.options
                                                            .KeyboardModifier.SHIFT)));
            assertThat(page.locator(".grid .row.selected")).hasCount(5);
            assertThat(page.locator(".grid-status")).containsText("5 selected");
            page.keyboard().press("Control+c");
            page.waitForFunction(
                    "() => document.querySelector('.grid-status').textContent.includes('copied')");
            String text = (String) page.evaluate("() => navigator.clipboard.readText()");
            String[] lines = text.split("\n");
            assertThat(lines).hasSize(6);
            assertThat(lines[0]).startsWith("payout_id\treferral_id\t");
            assertThat(lines[1]).startsWith("3\t");
            assertThat(lines[5]).startsWith("7\t");
        }
    }

    @Test
    void the_row_panel_opens_from_the_keyboard_with_every_field() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(context, Role.VIEWER, "/relations/referrers?sort=referrer_id");
            page.locator(".grid-viewport").focus();
            page.keyboard().press("ArrowDown");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("Enter");
            Locator panel = page.locator(".row-panel");
            assertThat(panel).isVisible();
            // titled by the referrer's name (title_column), fields by their labels
            String name = page.locator(".grid .row[aria-rowindex='3'] .cell").nth(2).textContent();
            assertThat(panel.locator(".panel-title")).hasText(name);
            assertThat(panel.locator("dt")).hasCount(9);
            assertThat(panel.locator("dt").nth(2)).hasText("Name");
            assertThat(panel).containsText("Email");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("grid-panel.png")));
            page.keyboard().press("Escape");
            assertThat(panel).isHidden();
        }
    }

    @Test
    void the_url_restores_sort_position_and_hidden_columns() {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page =
                    loggedIn(
                            context,
                            Role.VIEWER,
                            "/relations/lead_events?sort=-revenue,event_id&row=1200&hide=channel");
            assertThat(page.locator(".grid-head .cell.head[data-column=revenue]"))
                    .hasAttribute("aria-sort", "descending");
            assertThat(page.locator(".grid-head .cell.head[data-column=channel]")).hasCount(0);
            assertThat(page.locator(".grid-status")).containsText("Rows 1,201–");
            page.locator(".grid-viewport").focus();
            page.keyboard().press("PageDown");
            page.waitForTimeout(300);
            String url = page.url();
            Page again = context.newPage();
            again.navigate(url);
            again.waitForSelector(".grid .row:not(.loading)");
            assertThat(again.locator(".grid-status"))
                    .hasText(page.locator(".grid-status").textContent().replace(" · loading…", ""));
        }
    }
}
