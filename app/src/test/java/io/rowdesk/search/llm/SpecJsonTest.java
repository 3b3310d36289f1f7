package io.rowdesk.search.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.search.Condition;
import io.rowdesk.search.QuerySpec;
import io.rowdesk.search.RenderedSql;
import io.rowdesk.search.SqlRenderer;
import io.rowdesk.search.SqlRenderer.InvalidSpecException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecJsonTest {
    private static final RelationInfo PAYOUTS =
            new RelationInfo(
                    "payouts",
                    "app",
                    List.of(
                            new Column("payout_id", "INTEGER"),
                            new Column("amount", "DECIMAL(10,2)"),
                            new Column("status", "VARCHAR"),
                            new Column("requested_at", "TIMESTAMP"),
                            new Column("note", "VARCHAR")),
                    600,
                    false);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QuerySpec read(String json) throws Exception {
        JsonNode tree = JSON.readTree(json);
        return new SpecJson(PAYOUTS).read(tree);
    }

    @Test
    void
            every_documented_condition_form_reads_into_a_typed_condition_with_values_of_the_columns_type()
                    throws Exception {
        QuerySpec spec =
                read(
                        """
                {"conditions": [
                  {"op": "gt", "column": "amount", "value": "1,000", "label": "amount over 1000"},
                  {"op": "between", "column": "requested_at", "from": "2026-10-01", "to": "2026-11-01 00:00:00"},
                  {"op": "not_in", "column": "status", "values": ["paid", "rejected"]},
                  {"op": "contains", "column": "note", "value": "urgent"},
                  {"op": "is_not_null", "column": "note"},
                  {"op": "any_of", "conditions": [{"op": "eq", "column": "status", "value": "failed"},
                                                  {"op": "lt", "column": "amount", "value": 50}]}],
                 "sort": [{"column": "amount", "descending": true}], "limit": 10}""");

        assertThat(spec.conditions()).hasSize(6);
        assertThat(spec.conditions().get(0))
                .isEqualTo(
                        new Condition.Compare(
                                "amount",
                                Condition.Operator.GT,
                                new BigDecimal("1000"),
                                "amount over 1000"));
        assertThat(spec.conditions().get(1))
                .isEqualTo(
                        new Condition.Range(
                                "requested_at",
                                LocalDateTime.of(2026, 10, 1, 0, 0),
                                LocalDateTime.of(2026, 11, 1, 0, 0),
                                false,
                                "requested at from 2026-10-01 to 2026-11-01"));
        assertThat(spec.conditions().get(2))
                .isInstanceOf(Condition.InSet.class)
                .extracting(Condition::label)
                .isEqualTo("status is not paid or rejected");
        assertThat(spec.conditions().get(3)).isInstanceOf(Condition.Text.class);
        assertThat(spec.conditions().get(4))
                .isEqualTo(new Condition.IsNull("note", false, "note is set"));
        assertThat(spec.conditions().get(5)).isInstanceOf(Condition.AnyOf.class);
        assertThat(spec.limit()).isEqualTo(10);

        RenderedSql sql = new SqlRenderer().render(spec, PAYOUTS, "payout_id");
        assertThat(sql.sql())
                .startsWith("SELECT * FROM \"payouts\" WHERE \"amount\" > ?")
                .endsWith("LIMIT ?");
    }

    @Test
    void aggregates_and_date_groups_read_as_the_renderer_expects() throws Exception {
        QuerySpec spec =
                read(
                        """
                {"group_by": [{"column": "requested_at", "grain": "month"}],
                 "aggregates": [{"function": "count"}, {"function": "sum", "column": "amount"}],
                 "sort": [{"column": "sum_amount", "descending": true}]}""");
        assertThat(new SqlRenderer().render(spec, PAYOUTS, "payout_id").sql())
                .isEqualTo(
                        "SELECT date_trunc('month', \"requested_at\") AS \"month\", count(*) AS \"count\", "
                                + "sum(\"amount\") AS \"sum_amount\" FROM \"payouts\" GROUP BY date_trunc('month', \"requested_at\") "
                                + "ORDER BY \"sum_amount\" DESC NULLS LAST");
    }

    @Test
    void
            what_the_relation_does_not_have_or_the_format_does_not_allow_is_refused_with_a_reason_for_the_repair() {
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"conditions\": [{\"op\": \"eq\", \"column\": \"amout\", \"value\": 1}]}"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("unknown column 'amout'; the columns are: payout_id");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"conditions\": [{\"op\": \"gt\", \"column\": \"amount\", \"value\": \"lots\"}]}"))
                .hasMessage("'lots' is not a valid value for 'amount' (DECIMAL(10,2))");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"conditions\": [{\"op\": \"regex\", \"column\": \"note\", \"value\": \".*\"}]}"))
                .hasMessageStartingWith("unknown condition op \"regex\"");
        assertThatThrownBy(() -> read("{\"where\": \"1=1\"}"))
                .hasMessageStartingWith("\"spec\" has an unknown field \"where\"");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"group_by\": [{\"column\": \"status\", \"grain\": \"month\"}]}"))
                .hasMessageContaining("only applies to a date or timestamp column");
        assertThatThrownBy(
                        () ->
                                read(
                                        "{\"conditions\": [{\"op\": \"eq\", \"column\": \"status\", \"value\": [\"a\"]}]}"))
                .hasMessageContaining("must be a single number, text, date or boolean");
    }
}
