package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import io.rowdesk.cli.FaultyReceiver;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row actions on many rows from the grid, in a real browser on the demo: the actions column, the
 * "Run action" dry run, the run with its progress bar, and stopping what has not been sent. The
 * demo's actions go to its built-in receiver; {@code remind_referrer}, added by this test's config,
 * goes to a slow local receiver (a test server) and waits for approval on the larger payouts.
 */
class BulkActionsBrowserTest {
    private static final String PAGE = "/relations/payout_review?sort=payout_id";
    private static final String APPROVAL_WHEN = "amount > 400";
    private static final LocatorAssertions.IsVisibleOptions LONG =
            new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @TempDir static Path dataDir;
    static FaultyReceiver receiver;
    static TestApp app;
    static TestHttp http;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        receiver = new FaultyReceiver(0, Duration.ofMillis(1500), null, 11);
        Path config = dataDir.resolve("bulk.yaml");
        Files.writeString(
                config,
                """
                server:
                  allow_private_destinations: ["127.0.0.1:%d"]
                actions:
                  - name: remind_referrer
                    label: Remind referrer
                    relation: payout_review
                    key: payout_id
                    when: "status <> 'pending'"
                    roles: [viewer]
                    approval: {when: "%s", approvals: 1}
                    destination:
                      kind: webhook
                      url: %s
                      timeout: 5s
                      rate_per_second: 20
                    payload: '{"payout_id": {{row.payout_id}}, "email": {{row.referrer_email}}, "request": {{request.id}}}'
                """
                        .formatted(receiver.port(), APPROVAL_WHEN, receiver.url()));
        app = TestApp.start(dataDir.resolve("data"), config);
        http = new TestHttp(app.baseUrl());
        browser = Browser.launch();
        // a dry run or a run over hundreds of rows takes seconds on a busy machine
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stop() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    static JsonNode get(String path) {
        return TestHttp.json(http.getWithToken(path, app.token(Role.ADMIN)));
    }

    /** The payout ids of a search on payout_review, as the API answers them. */
    static List<Long> keysOf(String q) {
        JsonNode rows =
                get(
                        "/api/v1/relations/payout_review/rows?limit=1000&sort=payout_id&q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8));
        List<Long> keys = new ArrayList<>();
        rows.path("rows").forEach(r -> keys.add(r.get(0).asLong()));
        assertThat(keys).hasSize(rows.path("total").asInt());
        return keys;
    }

    static List<JsonNode> requestsOf(String action) {
        List<JsonNode> requests = new ArrayList<>();
        get("/api/v1/requests?limit=1000&action=" + action).path("requests").forEach(requests::add);
        return requests;
    }

    static void shot(Page page, String name) throws Exception {
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.artifact(name)));
    }

    @Test
    void a_bulk_run_on_a_search_previews_then_sends_one_request_per_row_and_the_column_shows_it()
            throws Exception {
        List<Long> pending = keysOf("pending");
        assertThat(pending).as("pending payouts in the demo").hasSizeGreaterThan(2);
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = BrowserAppTest.loggedIn(context, Role.VIEWER, PAGE);
            page.locator(".search-input").fill("pending");
            page.locator(".search-input").press("Enter");
            assertThat(page.locator(".grid-count"))
                    .hasText(Pattern.compile("^" + pending.size() + " rows · filtered from .*"));
            page.waitForSelector(".grid .row:not(.loading)");
            // the actions column: a pending row offers approve and reject, in a small menu
            Locator first = page.locator(".grid .row[aria-rowindex='1'] .actions-cell");
            first.locator(".row-actions-more").click();
            assertThat(page.locator(".row-action-menu .menu-action"))
                    .hasText(new String[] {"Approve payout", "Reject payout"});
            page.keyboard().press("Escape");
            assertThat(page.locator(".row-action-menu")).isHidden();

            // the dry run: how many, and what is sent; nothing is created
            page.locator(".run-action").click();
            Locator dialog = page.locator("dialog.bulk-run");
            assertThat(dialog).isVisible();
            assertThat(dialog.locator(".bulk-option").first())
                    .hasText(
                            Pattern.compile(
                                    ".*All " + pending.size() + " rows matching “pending”"));
            dialog.locator("input[name=bulk-action][value=approve_payout]").check();
            dialog.locator(".bulk-preview").click();
            Locator headline = dialog.locator(".bulk-headline");
            assertThat(headline).hasText(pending.size() + " rows get a request");
            assertThat(dialog.locator("pre.payload").first()).containsText("\"approve_payout\"");
            String shownRow = dialog.locator(".bulk-payload-row").first().textContent();
            assertThat(shownRow).matches("Payout \\d+");
            long shownKey = Long.parseLong(shownRow.substring("Payout ".length()));
            assertThat(pending).contains(shownKey);
            assertThat(dialog.locator("pre.payload").first())
                    .containsText("\"payout_id\": " + shownKey);
            assertThat(dialog.locator(".bulk-confirm"))
                    .hasText("Run on " + pending.size() + " rows");
            shot(page, "actions-bulk-dry-run.png");
            assertThat(requestsOf("approve_payout")).isEmpty();

            // the run: a progress bar that reaches done
            dialog.locator(".bulk-confirm").click();
            assertThat(dialog.locator(".bulk-bar[data-settled=true]")).isVisible(LONG);
            assertThat(dialog.locator(".bulk-counts"))
                    .hasText(pending.size() + " of " + pending.size() + " sent");
            assertThat(dialog.locator(".bulk-title")).hasText("Approve payout: done");
            String batch = dialog.getAttribute("data-batch");
            assertThat(batch).isNotBlank();

            // each row got exactly one request, all in this batch, and the demo receiver got each
            List<JsonNode> requests = requestsOf("approve_payout");
            assertThat(requests).hasSize(pending.size());
            Map<Long, Integer> perRow = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (JsonNode r : requests) {
                perRow.merge(r.path("key").asLong(), 1, Integer::sum);
                assertThat(r.path("batch").asText()).isEqualTo(batch);
                assertThat(r.path("state").asText()).isEqualTo("succeeded");
                ids.add(r.path("id").asText());
            }
            assertThat(perRow.keySet()).containsExactlyInAnyOrderElementsOf(pending);
            assertThat(perRow.values()).containsOnly(1);
            assertThat(get("/api/v1/requests?limit=1000&batch=" + batch).path("requests"))
                    .hasSize(pending.size());
            Set<String> received = new HashSet<>();
            get("/api/v1/demo/receiver")
                    .path("received")
                    .forEach(r -> received.add(r.path("id").asText()));
            assertThat(received).containsAll(ids);

            // "See the requests" lists this run's requests
            Page requestsPage = context.newPage();
            requestsPage.navigate(
                    dialog.locator("a:has-text('See the requests')").getAttribute("href"));
            assertThat(requestsPage.locator("[data-batch]")).containsText("one bulk run");
            assertThat(requestsPage.locator("tr[data-request-id]")).hasCount(pending.size());
            requestsPage.close();

            // the actions column shows the new state of every row in the grid
            dialog.locator("button:has-text('Close')").last().click();
            assertThat(dialog).isHidden();
            Locator badges = page.locator(".grid .row .actions-cell [data-state=succeeded]");
            assertThat(badges).hasCount(pending.size());
            assertThat(badges.first()).hasText("Sent");
            shot(page, "actions-column.png");

            // a second run on the same rows creates nothing new: the preview says so
            page.locator(".run-action").click();
            dialog.locator("input[name=bulk-action][value=approve_payout]").check();
            dialog.locator(".bulk-preview").click();
            assertThat(dialog.locator(".bulk-headline")).hasText("No row gets a new request");
            assertThat(dialog.locator(".bulk-facts"))
                    .containsText(pending.size() + " rows have a request already");
            assertThat(dialog.locator(".bulk-confirm")).hasCount(0);
            assertThat(requestsOf("approve_payout")).hasSize(pending.size());
            dialog.locator("button:has-text('Close')").last().click();

            // on the selection: two rows by key, with the reason reject_payout asks for
            page.locator(".grid .row[aria-rowindex='2'] .cell").first().click();
            page.locator(".grid .row[aria-rowindex='3'] .cell")
                    .first()
                    .click(
                            new Locator.ClickOptions()
                                    .setModifiers(
                                            List.of(
                                                    com.microsoft.playwright.options
                                                            .KeyboardModifier.SHIFT)));
            List<Long> chosen = List.of(pending.get(1), pending.get(2));
            page.locator(".run-action").click();
            assertThat(dialog.locator("input[name=bulk-scope]").first()).isChecked();
            assertThat(dialog.locator(".bulk-option").first())
                    .hasText(Pattern.compile(".*The 2 selected rows$"));
            dialog.locator("input[name=bulk-action][value=reject_payout]").check();
            dialog.locator(".bulk-preview").click();
            assertThat(dialog.locator(".bulk-problem")).hasText("Fill in reason first.");
            dialog.locator(".bulk-input input[name=reason]").fill("duplicate claim");
            dialog.locator(".bulk-preview").click();
            assertThat(dialog.locator(".bulk-headline")).hasText("2 rows get a request");
            assertThat(dialog.locator("pre.payload").first()).containsText("duplicate claim");
            dialog.locator(".bulk-confirm").click();
            assertThat(dialog.locator(".bulk-bar[data-settled=true]")).isVisible(LONG);
            assertThat(dialog.locator(".bulk-counts")).hasText("2 of 2 sent");
            List<Long> rejected = new ArrayList<>();
            requestsOf("reject_payout").forEach(r -> rejected.add(r.path("key").asLong()));
            assertThat(rejected).containsExactlyInAnyOrderElementsOf(chosen);
        }
    }

    @Test
    void stopping_a_bulk_run_cancels_what_was_not_sent_and_the_rest_arrives() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = BrowserAppTest.loggedIn(context, Role.VIEWER, PAGE);
            // every non-pending payout, filtered by a column filter rather than a search
            page.locator(".grid-head .cell.head[data-column=method]").hover();
            page.locator(".grid-head .cell.head[data-column=method] .col-filter").click();
            Locator panel = page.locator(".filter-menu");
            panel.locator(".value-item:has-text('PayPal') input").check();
            panel.locator("button:has-text('Apply')").click();
            assertThat(page.locator(".filter-chips .chip")).hasCount(1);
            page.waitForSelector(".grid .row:not(.loading)");
            String filters = "[{\"column\":\"method\",\"op\":\"in\",\"values\":[\"paypal\"]}]";
            JsonNode paypal =
                    get(
                            "/api/v1/relations/payout_review/rows?limit=1000&filters="
                                    + URLEncoder.encode(filters, StandardCharsets.UTF_8));
            int statusColumn = column(paypal, "status");
            int amountColumn = column(paypal, "amount");
            int eligible = 0;
            int waiting = 0;
            int pending = 0;
            for (JsonNode row : paypal.path("rows")) {
                if (!row.get(statusColumn).asText().equals("pending")) {
                    eligible++;
                    waiting += row.get(amountColumn).asDouble() > 400 ? 1 : 0;
                } else {
                    pending++;
                }
            }
            assertThat(waiting).isPositive();
            assertThat(eligible - waiting).isGreaterThan(40);

            page.locator(".run-action").click();
            Locator dialog = page.locator("dialog.bulk-run");
            dialog.locator("input[name=bulk-action][value=remind_referrer]").check();
            dialog.locator(".bulk-preview").click();
            assertThat(dialog.locator(".bulk-headline")).hasText(eligible + " rows get a request");
            assertThat(dialog.locator(".bulk-facts"))
                    .containsText(waiting + " of them wait for an approver’s OK");
            if (pending > 0) {
                assertThat(dialog.locator(".bulk-skipped"))
                        .containsText(
                                pending + (pending == 1 ? " row is" : " rows are") + " left out");
            }
            dialog.locator(".bulk-confirm").click();
            // 20 a second: the run is still sending when it is stopped (creating the requests takes
            // a
            // few seconds on a busy machine)
            assertThat(dialog.locator(".bulk-cancel")).isVisible(LONG);
            assertThat(dialog.locator(".bulk-counts")).containsText("still to send");
            shot(page, "actions-bulk-progress.png");
            dialog.locator(".bulk-cancel").click();
            Locator stopped = dialog.locator(".bulk-stopped");
            assertThat(stopped).containsText("Stopped");
            int cancelled = Integer.parseInt(stopped.getAttribute("data-stopped"));
            assertThat(cancelled).isGreaterThanOrEqualTo(waiting);
            assertThat(dialog.locator(".bulk-bar[data-settled=true]")).isVisible(LONG);
            shot(page, "actions-bulk-stopped.png");

            String batch = dialog.getAttribute("data-batch");
            JsonNode counts = get("/api/v1/batches/" + batch);
            assertThat(counts.path("total").asInt()).isEqualTo(eligible);
            assertThat(counts.path("states").path("cancelled").asInt()).isEqualTo(cancelled);
            assertThat(counts.path("states").path("succeeded").asInt())
                    .isEqualTo(eligible - cancelled);
            assertThat(counts.path("states").path("pending_approval").asInt()).isZero();
            // what was stopped never reached the receiver; everything else did, once
            Set<String> cancelledIds = new HashSet<>();
            Set<String> sentIds = new HashSet<>();
            get("/api/v1/requests?limit=1000&batch=" + batch)
                    .path("requests")
                    .forEach(
                            r ->
                                    (r.path("state").asText().equals("cancelled")
                                                    ? cancelledIds
                                                    : sentIds)
                                            .add(r.path("id").asText()));
            assertThat(cancelledIds).hasSize(cancelled);
            assertThat(receiver.keys().keySet()).doesNotContainAnyElementsOf(cancelledIds);
            assertThat(receiver.keys().keySet()).containsAll(sentIds);
            assertThat(receiver.duplicateKeys()).isZero();
            assertThat(dialog.locator(".bulk-counts")).containsText(cancelled + " stopped");
            // the actions column: what was stopped shows as cancelled, the rest as sent
            dialog.locator("button:has-text('Close')").last().click();
            assertThat(page.locator(".grid .row .actions-cell [data-state=cancelled]").first())
                    .hasText("Cancelled");
            assertThat(page.locator(".grid .row .actions-cell [data-state=succeeded]").first())
                    .hasText("Sent");
            assertThat(page.locator(".grid .row .actions-cell [data-state=sending]")).hasCount(0);
        }
    }

    private static int column(JsonNode rows, String name) {
        for (int i = 0; i < rows.path("columns").size(); i++) {
            if (rows.path("columns").get(i).path("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
