package io.rowdesk.search.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.search.SearchService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words no rule places are matched to values close in meaning by the in-process embedding model.
 */
class SemanticMatcherTest {
    @TempDir static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dataDir, null, 0.1);
        assertThat(app.rowdesk().search().awaitSemantic(Duration.ofMinutes(2)))
                .as("the model loads offline")
                .isTrue();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static SearchService.Interpretation interpret(String relation, String q) {
        var info = app.rowdesk().catalog().find(relation, Role.VIEWER).orElseThrow();
        return app.rowdesk().search().interpret(q, info, LocalDate.of(2026, 11, 20), Set.of());
    }

    @Test
    void a_word_close_in_meaning_to_a_value_selects_it() {
        var clothing = interpret("referrals", "clothing referrals");
        assertThat(clothing.complete()).isTrue();
        assertThat(clothing.sql().params()).containsExactly("Apparel & Accessories");
        assertThat(clothing.chips().get(0).label())
                .isEqualTo("vertical is Apparel & Accessories (≈ clothing)");
        var britain = interpret("partners", "partners in britain");
        assertThat(britain.sql().params()).containsExactly("United Kingdom");
    }

    @Test
    void negation_applies_to_a_word_close_in_meaning() {
        var notWebsite = interpret("lead_events", "events not from the website");
        assertThat(notWebsite.sql().sql()).contains("\"channel\" NOT IN (?)");
        assertThat(notWebsite.sql().params()).containsExactly("web");
    }

    @Test
    void a_word_close_to_no_value_stays_unmatched() {
        var spendy = interpret("payouts", "spendy payouts");
        assertThat(spendy.complete()).isFalse();
        assertThat(spendy.unmatched()).containsExactly("spendy");
    }
}
