package io.rowdesk.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {
    private static PayloadTemplate.Values values(Map<String, Object> row) {
        return new PayloadTemplate.Values(
                row,
                "ann@example.com",
                "0190-id",
                Instant.parse("2026-11-20T10:00:00Z"),
                Map.of("reason", "dup"));
    }

    @Test
    void tokens_render_as_json_values_strings_quoted_numbers_bare_null_as_null() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("payout_id", 42);
        row.put("amount", new BigDecimal("512.50"));
        row.put("email", "a\"b@example.com");
        row.put("note", null);
        PayloadTemplate template =
                PayloadTemplate.parse(
                        "{\"id\": {{row.payout_id}}, \"amount\": {{ row.amount }}, \"email\": {{row.email}},"
                                + " \"note\": {{row.note}}, \"by\": {{user.email}}, \"req\": {{request.id}},"
                                + " \"at\": {{now}}, \"why\": {{input.reason}}}",
                        List.of("reason"));
        assertThat(template.renderJson(values(row)))
                .isEqualTo(
                        "{\"id\": 42, \"amount\": 512.50, \"email\": \"a\\\"b@example.com\","
                                + " \"note\": null, \"by\": \"ann@example.com\", \"req\": \"0190-id\","
                                + " \"at\": \"2026-11-20T10:00:00Z\", \"why\": \"dup\"}");
    }

    @Test
    void an_unknown_token_is_an_error_that_names_it() {
        assertThatThrownBy(() -> PayloadTemplate.parse("{\"a\": {{user.name}}}", List.of()))
                .hasMessageContaining("unknown token {{user.name}}");
        assertThatThrownBy(() -> PayloadTemplate.parse("{\"a\": {{input.reason}}}", List.of()))
                .hasMessageContaining("{{input.reason}}");
        assertThatThrownBy(() -> PayloadTemplate.parse("{\"a\": {{row.x }", List.of()))
                .hasMessageContaining("is not a token");
    }

    @Test
    void a_value_that_looks_like_a_token_is_not_substituted_again() {
        Map<String, Object> row = Map.of("name", "{{user.email}}");
        String json =
                PayloadTemplate.parse("{\"n\": {{row.name}}}", List.of()).renderJson(values(row));
        assertThat(json).isEqualTo("{\"n\": \"{{user.email}}\"}");
    }

    @Test
    void nested_json_objects_close_with_two_braces_and_that_is_fine() {
        String json =
                PayloadTemplate.parse("{\"a\": {\"b\": {{row.x}}}}", List.of())
                        .renderJson(values(Map.of("x", 1)));
        assertThat(json).isEqualTo("{\"a\": {\"b\": 1}}");
    }

    @Test
    void a_token_inside_quotes_makes_invalid_json_and_is_refused() {
        PayloadTemplate template = PayloadTemplate.parse("{\"a\": \"id {{row.x}}\"}", List.of());
        assertThatThrownBy(() -> template.renderJson(values(Map.of("x", "s"))))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void sql_templates_bind_every_token_as_a_parameter() {
        PayloadTemplate.BoundSql sql =
                PayloadTemplate.parse(
                                "UPDATE payouts SET decided_by = {{user.email}} WHERE payout_id = {{row.payout_id}}",
                                List.of())
                        .renderSql(values(Map.of("payout_id", 7)));
        assertThat(sql.sql()).isEqualTo("UPDATE payouts SET decided_by = ? WHERE payout_id = ?");
        assertThat(sql.params()).containsExactly("ann@example.com", 7);
    }

    @Test
    void url_templates_encode_values() {
        String url =
                PayloadTemplate.parse(
                                "https://api.example.com/p/{{row.id}}?by={{user.email}}", List.of())
                        .renderUrl(values(Map.of("id", "a b/c")));
        assertThat(url).isEqualTo("https://api.example.com/p/a%20b%2Fc?by=ann%40example.com");
    }
}
