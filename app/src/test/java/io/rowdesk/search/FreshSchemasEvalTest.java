package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three once-fresh schemas (search/unseen3/: hotel reservations, freight shipments, gym memberships
 * and class bookings), each with at least 40 questions, half of them analyst-style. Schemas and
 * questions were written blind (without reading the translator, its prompts or the earlier question
 * files) and committed before the translator was ever run on them; their misses were then read to
 * write schema-agnostic rules (2026-11-30), so they are no longer an unseen measure
 * (docs/search-eval.md).
 */
class FreshSchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("hotel", Map.of("hotels", 30L, "reservations", 2200L));
        SCHEMAS.put("freight", Map.of("shipments", 3000L));
        SCHEMAS.put("gym", Map.of("memberships", 900L, "class_bookings", 2600L));
    }

    // Two or three questions under the measure after the rules read off this set's misses
    // (2026-11-30, branch rules2): hotel 74.1%, freight 83.0%, gym 84.6%, all 80.5%. Before them
    // 66.7% / 79.2% / 69.2% (71.7%), and 61.0% before the schema rules. Tuned to since: no longer
    // an unseen measure (docs/search-eval.md). With the rules read off unseen4's misses (rules3):
    // hotel 75.9%, freight 86.8%, gym 84.6%, all 82.4%; with those from unseen5's (rules4):
    // 77.8%, 86.8%, 86.5%, all 83.6%.
    static final Map<String, Double> FLOORS = Map.of("hotel", 0.74, "freight", 0.83, "gym", 0.82);
    static final double TOTAL_FLOOR = 0.81;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen3", SCHEMAS, 150, "fresh schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("reservations").dateColumn())
                .isEqualTo("check_in_date");
        assertThat(app.rowdesk().catalog().settings("shipments").keyColumn())
                .isEqualTo("shipment_id");
        assertThat(app.rowdesk().catalog().settings("class_bookings").dateColumn())
                .isEqualTo("class_start");
    }
}
