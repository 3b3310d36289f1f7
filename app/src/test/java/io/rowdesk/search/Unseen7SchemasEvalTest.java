package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Three more fresh schemas, once unseen (search/unseen7/: food delivery restaurants and orders,
 * payroll employees and paychecks, inventory stock items and moves), each with at least 40
 * questions, half of them analyst-style. Schemas and questions were written blind (without reading
 * the translator, its prompts or the earlier question files) and committed before the translator
 * was ever run on them; scored once, then their misses were read to write rules
 * (docs/search-eval.md says so), so they check those rules now.
 */
class Unseen7SchemasEvalTest extends SchemaSetEvalTest {
    /** Schema → relation → rows. */
    static final Map<String, Map<String, Long>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("fooddelivery", Map.of("restaurants", 120L, "delivery_orders", 2800L));
        SCHEMAS.put("payroll", Map.of("employees", 180L, "paychecks", 2522L));
        SCHEMAS.put("inventory", Map.of("stock_items", 240L, "inventory_moves", 3000L));
    }

    // Measured once, scores only, with the rules of rules5 (2026-11-30): 77.7% (129/166;
    // fooddelivery 45/56 = 80.4%, payroll 37/56 = 66.1%, inventory 47/54 = 87.0%). Then its misses
    // were read (rules6), so it is no longer an unseen measure: 89.2% after (fooddelivery 91.1%,
    // payroll 83.9%, inventory 92.6%). The floors sit two or three questions under that.
    static final Map<String, Double> FLOORS =
            Map.of("fooddelivery", 0.87, "payroll", 0.80, "inventory", 0.88);
    static final double TOTAL_FLOOR = 0.87;

    @Override
    EvalSet set() {
        return new EvalSet("search/unseen7", SCHEMAS, 150, "unseen7 schemas", FLOORS, TOTAL_FLOOR);
    }

    @Override
    void assertSettings(TestApp app) {
        assertThat(app.rowdesk().catalog().settings("restaurants").keyColumn())
                .isEqualTo("rest_id");
        assertThat(app.rowdesk().catalog().settings("restaurants").dateColumn())
                .isEqualTo("onboarded_dt");
        assertThat(app.rowdesk().catalog().settings("delivery_orders").keyColumn())
                .isEqualTo("order_ref");
        assertThat(app.rowdesk().catalog().settings("delivery_orders").dateColumn())
                .isEqualTo("placed_ts");
        assertThat(app.rowdesk().catalog().settings("employees").keyColumn()).isEqualTo("emp_id");
        assertThat(app.rowdesk().catalog().settings("employees").dateColumn()).isEqualTo("hire_dt");
        assertThat(app.rowdesk().catalog().settings("paychecks").keyColumn()).isEqualTo("check_id");
        assertThat(app.rowdesk().catalog().settings("paychecks").dateColumn())
                .isEqualTo("pay_date");
        assertThat(app.rowdesk().catalog().settings("stock_items").keyColumn())
                .isEqualTo("item_id");
        assertThat(app.rowdesk().catalog().settings("stock_items").dateColumn())
                .isEqualTo("created_dt");
        assertThat(app.rowdesk().catalog().settings("inventory_moves").keyColumn())
                .isEqualTo("move_id");
        assertThat(app.rowdesk().catalog().settings("inventory_moves").dateColumn())
                .isEqualTo("moved_at");
    }
}
