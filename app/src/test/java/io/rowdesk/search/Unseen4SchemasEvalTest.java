package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two more fresh schemas, once untuned (search/unseen4/: recruiting job postings and applications,
 * insurance claims), each with at least 40 questions, half of them analyst-style. Schemas and
 * questions were written blind (without reading the translator, its prompts or the earlier question
 * files) and committed before the translator was ever run on them; their misses were since read to
 * write rules (docs/search-eval.md says so), so they check those rules now.
 */
class Unseen4SchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("recruiting", Map.of("job_postings", 60L, "applications", 2000L));
        SCHEMAS.put("claims", Map.of("insurance_claims", 2500L));
    }

    // Written blind 2026-11-30 and scored with scores only: 66.9% with the rules of the first
    // round, 76.6% (recruiting 80.6%, claims 72.6%) with the rules written from unseen3's misses.
    // Then its misses were read (rules3, 2026-11-30), so it is no longer an unseen measure: 100%
    // (124/124) after. The floors sit two or three questions under that.
    static final Map<String, Double> FLOORS = Map.of("recruiting", 0.96, "claims", 0.96);
    static final double TOTAL_FLOOR = 0.97;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen4", SCHEMAS, 100, "unseen4 schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("job_postings").dateColumn())
                .isEqualTo("opened_on");
        assertThat(app.rowdesk().catalog().settings("applications").dateColumn())
                .isEqualTo("applied_at");
        assertThat(app.rowdesk().catalog().settings("insurance_claims").keyColumn())
                .isEqualTo("claim_id");
        assertThat(app.rowdesk().catalog().settings("insurance_claims").dateColumn())
                .isEqualTo("filed_at");
    }
}
