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
import org.junit.jupiter.api.Test;

/**
 * A builder makes a webhook action on the demo's payout_review in the /actions page: sees its
 * request on a real row while typing, a problem next to the field that has it, sends a test to the
 * demo receiver, saves it and finds it in the list; a viewer sees the list without edit controls.
 */
class ActionEditorBrowserTest extends BrowserAppTest {

    static Page actionsPage(BrowserContext context, Role role) {
        Page page = context.newPage();
        page.navigate("/login?next=/actions");
        page.fill("#email", TestApp.email(role));
        page.fill("#password", TestApp.password(role));
        page.click("button[type=submit]");
        page.waitForSelector("h1:has-text('Actions')");
        return page;
    }

    @Test
    void a_builder_creates_a_webhook_action_with_a_live_preview_and_a_test_send() throws Exception {
        try (BrowserContext builder = browser.newContext(app.baseUrl());
                BrowserContext viewer = browser.newContext(app.baseUrl())) {
            Page page = actionsPage(builder, Role.BUILDER);
            Locator newAction = page.locator("[data-new-action]");
            assertThat(newAction).isEnabled();
            newAction.click();
            Locator editor = page.locator("[data-action-editor]");
            assertThat(editor).isVisible();

            page.fill("input[name=label]", "Notify finance");
            // the name follows the label
            assertThat(page.locator("input[name=name]")).hasValue("notify_finance");
            page.selectOption("select[name=relation]", "payout_review");
            page.selectOption("select[name=key]", "payout_id");
            page.fill("input[name=when]", "status = 'approved'");
            page.fill("input[name=url]", "/demo/receiver");

            // a token naming no column: the problem shows by the body, in the parser's words
            page.fill(
                    "textarea[name=payload]",
                    "{\"payout_id\": {{row.payout_id}}, \"x\": {{row.nope}}}");
            assertThat(page.locator("[data-path=payload] .field-problem"))
                    .containsText("has no column 'nope'");

            page.fill(
                    "textarea[name=payload]",
                    "{\n  \"action\": \"notify_finance\",\n  \"payout_id\": {{row.payout_id}},\n"
                            + "  \"amount\": {{row.amount}},\n  \"referrer\": {{row.referrer_name}}\n}");
            assertThat(page.locator("[data-path=payload] .field-problem")).hasCount(0);
            Locator body = page.locator("[data-preview-body]");
            assertThat(body).containsText("\"payout_id\":");
            assertThat(body).containsText("\"referrer\":");
            assertThat(page.locator("[data-when-holds=true]")).isVisible();
            assertThat(page.locator("[data-preview-target]")).hasText("POST /demo/receiver");
            String rowKey = page.locator("[data-preview-row] strong").textContent();
            assertThat(body).containsText("\"payout_id\": " + rowKey);
            editor.evaluate("e => e.scrollIntoView()");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("actions-editor.png")));

            page.locator("[data-send-test]").click();
            Locator result = page.locator("[data-test-result]");
            assertThat(result).hasAttribute("data-outcome", "succeeded");
            assertThat(result).containsText("HTTP 200");
            editor.evaluate("e => e.scrollIntoView()");
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(Browser.artifact("actions-editor-tested.png")));
            JsonNode received =
                    TestHttp.json(
                            http.getWithToken("/api/v1/demo/receiver", app.token(Role.ADMIN)));
            JsonNode first = received.path("received").get(0);
            assertThat(first.path("id").asText()).startsWith("test_");
            assertThat(first.path("body").asText()).contains("notify_finance");

            page.locator("[data-save]").click();
            page.waitForURL("**/actions**");
            Locator card = page.locator("[data-action-name=notify_finance]");
            assertThat(card).isVisible();
            assertThat(card).containsText("Notify finance");
            assertThat(card).containsText("status = 'approved'");
            assertThat(card).containsText("builders and admins");
            assertThat(page.locator(".saved-note")).containsText("notify_finance");
            JsonNode listed =
                    TestHttp.json(
                            http.getWithToken(
                                    "/api/v1/actions?relation=payout_review",
                                    app.token(Role.BUILDER)));
            assertThat(listed.toString()).contains("notify_finance");
            assertThat(
                            TestHttp.json(
                                            http.getWithToken(
                                                    "/api/v1/requests?action=notify_finance",
                                                    app.token(Role.ADMIN)))
                                    .path("requests"))
                    .as("the test created no request")
                    .isEmpty();

            // editing shows the stored definition with its secret masked
            page.locator("[data-edit=send_spiff]").click();
            assertThat(page.locator("input[name=signing_secret]")).hasValue("********");
            assertThat(page.locator("input[name=name]")).hasAttribute("readonly", "");
            assertThat(page.locator("[data-preview-body]"))
                    .containsText("\"action\": \"send_spiff\"");
            page.screenshot(
                    new Page.ScreenshotOptions()
                            .setPath(Browser.artifact("actions-edit-existing.png")));

            Page seen = actionsPage(viewer, Role.VIEWER);
            assertThat(seen.locator("[data-action-name=notify_finance]")).isVisible();
            assertThat(seen.locator("[data-new-action]")).hasCount(0);
            assertThat(seen.locator("[data-edit]")).hasCount(0);
            assertThat(seen.locator("[data-action-editor]")).hasCount(0);
            seen.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("actions-viewer.png")));

            // and the builder deletes it again, after a confirmation
            page.onDialog(dialog -> dialog.accept());
            page.navigate("/actions");
            page.locator("[data-edit=notify_finance]").click();
            page.locator("[data-delete]").click();
            assertThat(page.locator("[data-action-name=notify_finance]")).hasCount(0);
            assertThat(page.locator("[data-action-name=send_spiff]")).isVisible();
        }
    }
}
