package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three more fresh schemas (search/unseen9/: airline routes and bookings, ad campaigns, building
 * permits), each with at least 50 questions, half of them analyst-style. Schemas and questions were
 * written blind (without reading the translator, its prompts or the earlier question files) and
 * committed before the translator was ever run on them. Never used for tuning.
 */
class Unseen9SchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("airline", Map.of("routes", 180L, "bookings", 2600L));
        SCHEMAS.put("adspend", Map.of("ad_campaigns", 1500L));
        SCHEMAS.put("permits", Map.of("building_permits", 2200L));
    }

    // Measured once, scores only, with the rules of rules7 (2026-11-30): 81.1% (133/164; airline
    // 42/55 = 76.4%, adspend 46/53 = 86.8%, permits 45/56 = 80.4%). The floors sit two or three
    // questions under that. Never read its misses: it is the current unseen measure.
    static final Map<String, Double> FLOORS =
            Map.of("airline", 0.72, "adspend", 0.83, "permits", 0.76);
    static final double TOTAL_FLOOR = 0.79;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen9", SCHEMAS, 150, "unseen9 schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("routes").keyColumn()).isEqualTo("route_id");
        assertThat(app.rowdesk().catalog().settings("routes").dateColumn())
                .isEqualTo("launched_on");
        assertThat(app.rowdesk().catalog().settings("bookings").keyColumn())
                .isEqualTo("booking_id");
        assertThat(app.rowdesk().catalog().settings("bookings").dateColumn())
                .isEqualTo("booked_at");
        assertThat(app.rowdesk().catalog().settings("ad_campaigns").keyColumn())
                .isEqualTo("campaign_id");
        assertThat(app.rowdesk().catalog().settings("ad_campaigns").dateColumn())
                .isEqualTo("launched_at");
        assertThat(app.rowdesk().catalog().settings("building_permits").keyColumn())
                .isEqualTo("permit_no");
        assertThat(app.rowdesk().catalog().settings("building_permits").dateColumn())
                .isEqualTo("submitted_at");
    }
}
