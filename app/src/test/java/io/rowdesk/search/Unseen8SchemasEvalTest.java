package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three more fresh schemas, once unseen (search/unseen8/: energy meters and meter readings, car
 * rental agreements, veterinary visits), each with at least 50 questions, half of them
 * analyst-style. Schemas and questions were written blind (without reading the translator, its
 * prompts or the earlier question files) and committed before the translator was ever run on them;
 * scored once, then their misses were read to write rules (docs/search-eval.md says so).
 */
class Unseen8SchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("energy", Map.of("meters", 220L, "meter_readings", 2900L));
        SCHEMAS.put("carrental", Map.of("rental_agreements", 2400L));
        SCHEMAS.put("vetclinic", Map.of("vet_visits", 2100L));
    }

    // Measured once, scores only, with the rules of rules6 (2026-11-30): 67.3% (113/168; energy
    // 47/60 = 78.3%, carrental 37/52 = 71.2%, vetclinic 29/56 = 51.8%). Then its misses were read
    // (rules7), so it is no longer an unseen measure: 81.5% after (energy 81.7%, carrental 78.8%,
    // vetclinic 83.9%). The floors sit two or three questions under that.
    static final Map<String, Double> FLOORS =
            Map.of("energy", 0.78, "carrental", 0.74, "vetclinic", 0.80);
    static final double TOTAL_FLOOR = 0.79;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen8", SCHEMAS, 150, "unseen8 schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("meters").keyColumn()).isEqualTo("meter_id");
        assertThat(app.rowdesk().catalog().settings("meters").dateColumn()).isEqualTo("install_dt");
        assertThat(app.rowdesk().catalog().settings("meter_readings").keyColumn())
                .isEqualTo("read_id");
        assertThat(app.rowdesk().catalog().settings("meter_readings").dateColumn())
                .isEqualTo("read_ts");
        assertThat(app.rowdesk().catalog().settings("rental_agreements").keyColumn())
                .isEqualTo("agreement_no");
        assertThat(app.rowdesk().catalog().settings("rental_agreements").dateColumn())
                .isEqualTo("pickup_ts");
        assertThat(app.rowdesk().catalog().settings("vet_visits").keyColumn())
                .isEqualTo("visit_id");
        assertThat(app.rowdesk().catalog().settings("vet_visits").dateColumn())
                .isEqualTo("visit_ts");
    }
}
