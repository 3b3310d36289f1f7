package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.rowdesk.TestApp;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The demo's actions in a real browser: a viewer sends a spiff over 500 from the row panel, an
 * admin approves it on /approvals, the demo receiver (the stand-in for Zapier) gets it once and the
 * row shows "Sent".
 */
class ActionsBrowserTest extends BrowserAppTest {
    private static final String SORT = "/relations/payout_review?sort=-amount,payout_id";

    @Test
    void a_spiff_is_sent_from_the_row_panel_approved_by_another_person_and_received_once()
            throws Exception {
        JsonNode rows =
                TestHttp.json(
                        http.getWithToken(
                                "/api/v1/relations/payout_review/rows?sort=-amount,payout_id&limit=500",
                                app.token(Role.VIEWER)));
        int statusColumn = -1;
        int amountColumn = -1;
        for (int i = 0; i < rows.path("columns").size(); i++) {
            String name = rows.path("columns").get(i).path("name").asText();
            statusColumn = name.equals("status") ? i : statusColumn;
            amountColumn = name.equals("amount") ? i : amountColumn;
        }
        int index = -1;
        for (int r = 0; r < rows.path("rows").size() && index < 0; r++) {
            JsonNode row = rows.path("rows").get(r);
            if (row.get(statusColumn).asText().equals("approved")
                    && row.get(amountColumn).asDouble() > 500) {
                index = r;
            }
        }
        assertThat(index).as("an approved payout over 500 in the demo").isGreaterThanOrEqualTo(0);
        long payoutId = rows.path("rows").get(index).get(0).asLong();

        try (BrowserContext viewer = browser.newContext(app.baseUrl());
                BrowserContext admin = browser.newContext(app.baseUrl())) {
            Page page = loggedIn(viewer, Role.VIEWER, SORT);
            page.onDialog(dialog -> dialog.accept());
            page.locator(".grid-viewport").focus();
            for (int i = 0; i < index; i++) {
                page.keyboard().press("ArrowDown");
            }
            page.keyboard().press("Enter");
            Locator panel = page.locator(".row-panel");
            Locator send = panel.locator("button[data-action=send_spiff]");
            assertThat(send).isVisible();
            assertThat(panel.locator("button[data-action=approve_payout]")).hasCount(0);
            send.click();
            assertThat(panel.locator("[data-state=pending_approval]"))
                    .hasText("Waiting for approval");

            String id = null;
            for (JsonNode r :
                    TestHttp.json(
                                    http.getWithToken(
                                            "/api/v1/requests?action=send_spiff&state=pending_approval",
                                            app.token(Role.ADMIN)))
                            .path("requests")) {
                if (r.path("key").asLong() == payoutId) {
                    id = r.path("id").asText();
                }
            }
            assertThat(id).isNotNull();

            Page approvals = admin.newPage();
            approvals.navigate("/login?next=/approvals");
            approvals.fill("#email", TestApp.email(Role.ADMIN));
            approvals.fill("#password", TestApp.password(Role.ADMIN));
            approvals.click("button[type=submit]");
            approvals.onDialog(dialog -> dialog.accept("looks right"));
            approvals.locator("[data-request-id='" + id + "'] button:has-text('Approve')").click();
            approvals.waitForLoadState();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String state;
            do {
                Thread.sleep(100);
                state =
                        TestHttp.json(
                                        http.getWithToken(
                                                "/api/v1/requests/" + id, app.token(Role.ADMIN)))
                                .path("state")
                                .asText();
            } while (!state.equals("succeeded") && System.nanoTime() < deadline);
            assertThat(state).isEqualTo("succeeded");

            approvals.navigate("/demo/receiver");
            assertThat(approvals.locator("[data-webhook-id='" + id + "']")).hasCount(1);
            assertThat(approvals.locator("body")).containsText("stand-in for Zapier");

            // the row's latest request now shows as sent in its panel
            page.navigate(SORT);
            page.waitForSelector(".grid .row:not(.loading)");
            page.locator(".grid-viewport").focus();
            for (int i = 0; i < index; i++) {
                page.keyboard().press("ArrowDown");
            }
            page.keyboard().press("Enter");
            assertThat(page.locator(".row-panel [data-state=succeeded]")).hasText("Sent");
        }
    }
}
