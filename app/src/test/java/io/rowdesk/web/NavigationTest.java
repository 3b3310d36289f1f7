package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.DemoAppTest;
import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The pages around the grid: a 404 that knows its reader, a favicon, the sidebar. */
class NavigationTest extends DemoAppTest {
    @Test
    void a_404_page_knows_the_reader_is_logged_in() {
        String cookie = http.login(TestApp.email(Role.VIEWER), TestApp.PASSWORD);
        HttpResponse<String> page = http.getWithCookie("/no-such-page", cookie);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body())
                .contains("Signed in as " + TestApp.email(Role.VIEWER))
                .contains("Back to the relations")
                .doesNotContain("Log in");

        HttpResponse<String> anonymous = http.get("/no-such-page");
        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).contains("Log in").doesNotContain("Signed in as");
    }

    @Test
    void the_favicon_is_served_on_every_page() {
        HttpResponse<String> ico = http.get(Assets.FAVICON_ICO);
        assertThat(ico.statusCode()).isEqualTo(301);
        assertThat(ico.headers().firstValue("Location")).contains(Assets.FAVICON);
        HttpResponse<String> svg = http.get(Assets.FAVICON);
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg");
        String cookie = http.login(TestApp.email(Role.VIEWER), TestApp.PASSWORD);
        assertThat(http.getWithCookie("/", cookie).body())
                .contains("rel=\"icon\" href=\"" + Assets.FAVICON + "\"");
    }

    @Test
    void the_sidebar_has_relations_and_saved_views_and_no_dead_links() {
        String cookie = http.login(TestApp.email(Role.ADMIN), TestApp.ADMIN_PASSWORD);
        String page = http.getWithCookie("/", cookie).body();
        assertThat(page).contains("data-saved-views", "Saved views", "/relations/payouts");
        java.util.regex.Matcher links =
                java.util.regex.Pattern.compile("<a [^>]*href=\"(/[^\"]*)\"").matcher(page);
        while (links.find()) {
            String path = links.group(1).replace("&amp;", "&");
            assertThat(http.getWithCookie(path, cookie).statusCode()).as(path).isEqualTo(200);
        }
    }
}
