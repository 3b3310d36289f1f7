package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three more fresh schemas, once unseen (search/unseen6/: e-learning courses and enrollments, fleet
 * vehicles and work orders, SaaS subscriptions and invoices), each with at least 40 questions, half
 * of them analyst-style. Schemas and questions were written blind (without reading the translator,
 * its prompts or the earlier question files) and committed before the translator was ever run on
 * them; scored once, then their misses were read to write rules (docs/search-eval.md says so), so
 * they check those rules now.
 */
class Unseen6SchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("elearning", Map.of("courses", 90L, "enrollments", 2600L));
        SCHEMAS.put("fleet", Map.of("vehicles", 120L, "work_orders", 2200L));
        SCHEMAS.put("saas", Map.of("subscriptions", 260L, "invoices", 2700L));
    }

    // Measured once, scores only, with the rules of rules4 (2026-11-30): 73.2% (120/164; elearning
    // 40/54 = 74.1%, fleet 38/54 = 70.4%, saas 42/56 = 75.0%). Then its misses were read (rules5),
    // so it is no longer an unseen measure: 90.9% after (elearning 90.7%, fleet 87.0%, saas
    // 92.9%). The floors sit two or three questions under that.
    static final Map<String, Double> FLOORS =
            Map.of("elearning", 0.87, "fleet", 0.83, "saas", 0.89);
    static final double TOTAL_FLOOR = 0.88;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen6", SCHEMAS, 150, "unseen6 schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("courses").keyColumn()).isEqualTo("course_id");
        assertThat(app.rowdesk().catalog().settings("courses").dateColumn())
                .isEqualTo("published_on");
        assertThat(app.rowdesk().catalog().settings("enrollments").keyColumn())
                .isEqualTo("enrollment_id");
        assertThat(app.rowdesk().catalog().settings("enrollments").dateColumn())
                .isEqualTo("enrolled_ts");
        assertThat(app.rowdesk().catalog().settings("vehicles").keyColumn())
                .isEqualTo("vehicle_id");
        assertThat(app.rowdesk().catalog().settings("vehicles").dateColumn())
                .isEqualTo("acquired_dt");
        assertThat(app.rowdesk().catalog().settings("work_orders").keyColumn()).isEqualTo("wo_id");
        assertThat(app.rowdesk().catalog().settings("work_orders").dateColumn())
                .isEqualTo("opened_at");
        assertThat(app.rowdesk().catalog().settings("subscriptions").keyColumn())
                .isEqualTo("sub_id");
        assertThat(app.rowdesk().catalog().settings("subscriptions").dateColumn())
                .isEqualTo("started_on");
        assertThat(app.rowdesk().catalog().settings("invoices").keyColumn())
                .isEqualTo("invoice_no");
        assertThat(app.rowdesk().catalog().settings("invoices").dateColumn())
                .isEqualTo("issued_dt");
    }
}
