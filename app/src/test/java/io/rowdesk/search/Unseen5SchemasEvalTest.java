package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three more fresh schemas, once untuned (search/unseen5/: property rentals with properties and
 * leases, a software bug tracker's defects, event ticketing with events and ticket orders), each
 * with at least 50 questions, half of them analyst-style. Schemas and questions were written blind
 * (without reading the translator, its prompts or the earlier question files) and committed before
 * the translator was ever run on them; scored once, then their misses were read to write rules
 * (docs/search-eval.md says so), so they check those rules now.
 */
class Unseen5SchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("rentals", Map.of("properties", 140L, "leases", 1900L));
        SCHEMAS.put("bugtracker", Map.of("defects", 2600L));
        SCHEMAS.put("ticketing", Map.of("events", 160L, "ticket_orders", 2800L));
    }

    // Measured once, scores only, with the rules of rules3 (2026-11-30): 68.4% (121/177; rentals
    // 37/56 = 66.1%, bugtracker 37/60 = 61.7%, ticketing 47/61 = 77.0%). Then its misses were read
    // (rules4), so it is no longer an unseen measure: 91.5% after (rentals 82.1%, bugtracker
    // 93.3%, ticketing 98.4%). The floors sit two or three questions under that.
    static final Map<String, Double> FLOORS =
            Map.of("rentals", 0.78, "bugtracker", 0.90, "ticketing", 0.95);
    static final double TOTAL_FLOOR = 0.89;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen5", SCHEMAS, 150, "unseen5 schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("properties").keyColumn())
                .isEqualTo("property_id");
        assertThat(app.rowdesk().catalog().settings("properties").dateColumn())
                .isEqualTo("listed_dt");
        assertThat(app.rowdesk().catalog().settings("leases").keyColumn()).isEqualTo("lease_id");
        assertThat(app.rowdesk().catalog().settings("leases").dateColumn()).isEqualTo("signed_ts");
        assertThat(app.rowdesk().catalog().settings("defects").keyColumn()).isEqualTo("bug_id");
        assertThat(app.rowdesk().catalog().settings("defects").dateColumn())
                .isEqualTo("created_ts");
        assertThat(app.rowdesk().catalog().settings("events").keyColumn()).isEqualTo("event_id");
        assertThat(app.rowdesk().catalog().settings("events").dateColumn()).isEqualTo("event_dt");
        assertThat(app.rowdesk().catalog().settings("ticket_orders").keyColumn())
                .isEqualTo("order_ref");
        assertThat(app.rowdesk().catalog().settings("ticket_orders").dateColumn())
                .isEqualTo("ordered_at");
    }
}
