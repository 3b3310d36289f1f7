package io.rowdesk.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.source.postgres.PostgresFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A builder watches a Postgres sync on the Sources page: Sync now, live progress, errors. */
class SourcesPageBrowserTest {
    static final String DB = "rowdesk_src_ui";
    @TempDir static Path dataDir;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        PostgresFixture.recreate(DB);
        // Postgres streams the first 300,000 rows, then pauses 2 s before the last ten: long
        // enough to see the sync's progress on the page.
        PostgresFixture.execute(
                DB,
                "CREATE VIEW slow AS SELECT i, md5(i::text) AS h FROM generate_series(1, 300000) i"
                        + " UNION ALL SELECT j, 'late' FROM (SELECT pg_sleep(2)) s,"
                        + " generate_series(300001, 300010) j");
        Path config = dataDir.resolve("rowdesk.yaml");
        Files.writeString(
                config,
                "sources:\n"
                        + PostgresFixture.sourceYaml("pg", DB, "[slow]")
                        + PostgresFixture.sourceYaml("pg_broken", DB, "[missing_table]"));
        app = TestApp.withoutDemo(dataDir, config);
        browser = Browser.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void sync_now_shows_live_progress_then_the_new_state_and_errors_are_shown() throws Exception {
        try (BrowserContext context = browser.newContext(app.baseUrl())) {
            Page page = context.newPage();
            page.navigate("/login");
            page.fill("#email", TestApp.email(Role.ADMIN));
            page.fill("#password", TestApp.ADMIN_PASSWORD);
            page.click("button[type=submit]");
            page.click("nav.sidebar a:has-text('Sources')");
            assertThat(page.locator("h1")).hasText("Sources");

            Locator broken = page.locator("section[data-source=pg_broken]");
            assertThat(broken.locator(".state")).hasText("failed");
            assertThat(broken.locator("[role=alert]"))
                    .hasCount(1); // the source's error once, not again under each table
            assertThat(broken.locator("[role=alert]"))
                    .containsText("there is no table 'missing_table'");

            Locator slow = page.locator("tr[data-table=slow]");
            assertThat(slow.locator(".state")).hasText("ok");
            assertThat(slow.locator("td.num").first()).hasText("300,010");

            page.locator("section[data-source=pg] .source-head button").click();
            assertThat(slow.locator(".state")).hasText("syncing");
            // the count of rows read so far grows while the rows stream in
            assertThat(slow.locator(".progress"))
                    .hasText(java.util.regex.Pattern.compile("[1-9][0-9,]* rows"));
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("sources-syncing.png")));
            assertThat(slow.locator(".state"))
                    .hasText(
                            "ok",
                            new com.microsoft.playwright.assertions.LocatorAssertions
                                            .HasTextOptions()
                                    .setTimeout(30_000));
            assertThat(slow.locator("td.num").nth(2)).containsText("rows/s");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Browser.artifact("sources-done.png")));
        }
    }
}
