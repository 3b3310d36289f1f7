package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import io.rowdesk.query.QueryResult;
import io.rowdesk.query.RelationInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's name questions (issue 10) over the demo at the evaluation's scale: each answers the
 * rows of SQL written here by hand, and its chip names the column that matched. The names come from
 * the index the cache wrote with each snapshot; payout_review (a view) takes them through its
 * lineage from partners, referrers and payouts.
 */
class NameQuestionsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @TempDir static Path dataDir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dataDir, null, EvalSetTest.EVAL_SCALE);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static SearchService.Interpretation ask(String relation, String question) {
        RelationInfo info = app.rowdesk().catalog().require(relation, Role.ADMIN);
        SearchService.Interpretation interpretation =
                app.rowdesk().search().interpret(question, info, TODAY, Set.of());
        assertThat(interpretation.unmatched()).as(question).isEmpty();
        return interpretation;
    }

    private static List<List<Object>> rows(String sql, List<?> params) {
        QueryResult result =
                app.rowdesk().engine().query(sql, params, 1_000_000, Duration.ofSeconds(60));
        return result.rows();
    }

    /** The translated question returns exactly the rows (as a set) of the hand-written SQL. */
    private static void sameRows(SearchService.Interpretation interpretation, String gold) {
        List<List<Object>> answer = rows(interpretation.sql().sql(), interpretation.sql().params());
        List<List<Object>> expected = rows(gold, List.of());
        assertThat(expected).as("gold has rows: " + gold).isNotEmpty();
        assertThat(answer).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> chips(SearchService.Interpretation interpretation) {
        return interpretation.chips().stream().map(Chip::label).toList();
    }

    @Test
    void pending_payouts_for_a_partner_by_its_whole_name() {
        var answer = ask("payout_review", "pending payouts for Dovetail Growth");
        sameRows(
                answer,
                "SELECT * FROM payout_review WHERE status = 'pending'"
                        + " AND partner_name = 'Dovetail Growth'");
        assertThat(chips(answer)).contains("partner name is Dovetail Growth");
    }

    @Test
    void payouts_for_the_first_word_of_partner_names() {
        var answer = ask("payout_review", "payouts for dovetail");
        sameRows(answer, "SELECT * FROM payout_review WHERE partner_name ILIKE 'dovetail%'");
        assertThat(chips(answer)).containsExactly("partner name starts with \"dovetail\"");
    }

    @Test
    void payouts_for_a_close_spelling_of_a_partner_name() {
        var answer = ask("payout_review", "payouts for dovetale growth");
        sameRows(answer, "SELECT * FROM payout_review WHERE partner_name = 'Dovetail Growth'");
        assertThat(chips(answer))
                .containsExactly("partner name is Dovetail Growth (≈ dovetale growth)");
    }

    @Test
    void how_many_payouts_priya_approved_counts_her_decisions() {
        // "approve" is the status the decision left; "priya" the approver in decided_by (an
        // e-mail address), not the referrers named Priya.
        for (String relation : List.of("payouts", "payout_review")) {
            var answer = ask(relation, "how many payouts did priya approve");
            List<List<Object>> counted = rows(answer.sql().sql(), answer.sql().params());
            List<List<Object>> expected =
                    rows(
                            "SELECT count(*) FROM "
                                    + relation
                                    + " WHERE status = 'approved'"
                                    + " AND decided_by = 'priya.nair@lumadesk.com'",
                            List.of());
            assertThat(counted).as(relation).isEqualTo(expected);
            assertThat(((Number) expected.get(0).get(0)).longValue()).isPositive();
            assertThat(chips(answer)).contains("decided by starts with \"priya\"", "count");
        }
    }

    @Test
    void approved_by_priya_reads_the_approver_not_the_referrer() {
        for (String relation : List.of("payouts", "payout_review")) {
            var answer = ask(relation, "approved by priya");
            sameRows(
                    answer,
                    "SELECT * FROM "
                            + relation
                            + " WHERE status = 'approved'"
                            + " AND decided_by = 'priya.nair@lumadesk.com'");
            assertThat(chips(answer))
                    .containsExactlyInAnyOrder(
                            "status is approved", "decided by starts with \"priya\"");
        }
    }

    @Test
    void payouts_for_priya_read_the_referrers_named_priya() {
        var answer = ask("payout_review", "payouts for priya");
        sameRows(answer, "SELECT * FROM payout_review WHERE referrer_name ILIKE 'priya %'");
        assertThat(chips(answer)).containsExactly("referrer name starts with \"priya\"");
    }

    @Test
    void a_joined_relation_named_next_to_a_value_reads_its_columns() {
        // payout_review joins payouts (status) with referrers (program_status): both hold
        // 'pending'
        var pending = ask("payout_review", "pending referrers");
        sameRows(pending, "SELECT * FROM payout_review WHERE program_status = 'pending'");
        assertThat(chips(pending)).containsExactly("program status is pending");

        var brazil = ask("payout_review", "payouts from referrers in brazil");
        sameRows(brazil, "SELECT * FROM payout_review WHERE partner_country = 'Brazil'");
        assertThat(chips(brazil)).containsExactly("partner country is Brazil");

        var referrals = ask("payout_review", "referrals of partners in brazil");
        sameRows(referrals, "SELECT * FROM payout_review WHERE partner_country = 'Brazil'");
    }

    @Test
    void the_view_knows_which_relation_each_column_comes_from() {
        var lineage = app.rowdesk().catalog().require("payout_review", Role.ADMIN).lineage();
        assertThat(lineage.get("referrer_name"))
                .isEqualTo(new RelationInfo.ColumnSource("referrers", "full_name"));
        assertThat(lineage.get("partner_name"))
                .isEqualTo(new RelationInfo.ColumnSource("partners", "name"));
        assertThat(lineage.get("decided_by"))
                .isEqualTo(new RelationInfo.ColumnSource("payouts", "decided_by"));
        assertThat(lineage.get("vertical"))
                .isEqualTo(new RelationInfo.ColumnSource("referrals", "vertical"));
    }

    /**
     * The same questions as a labelled evaluation set (search/names.jsonl, written with these
     * rules, so not an unseen measure), scored by execution match like the others.
     */
    @Test
    void names_set_execution_match() {
        var questions = io.rowdesk.search.eval.EvalQuestion.load("search/names.jsonl");
        assertThat(questions).hasSize(10).allMatch(q -> q.id().startsWith("n"));
        assertThat(LocalTranslatorEvalTest.score(app, questions, "names").share()).isEqualTo(1.0);
    }
}
