package io.rowdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewLineageTest {
    private static final Map<String, List<Column>> TABLES =
            Map.of(
                    "orders",
                    List.of(
                            new Column("order_id", "INTEGER"),
                            new Column("customer_id", "INTEGER"),
                            new Column("store_id", "INTEGER"),
                            new Column("total", "DECIMAL(10,2)")),
                    "customers",
                    List.of(
                            new Column("customer_id", "INTEGER"),
                            new Column("name", "VARCHAR"),
                            new Column("country", "VARCHAR")),
                    "stores",
                    List.of(
                            new Column("store_id", "INTEGER"),
                            new Column("city", "VARCHAR"),
                            new Column("country", "VARCHAR")));

    private static Map<String, RelationInfo.ColumnSource> lineage(String sql) {
        return ViewLineage.of(sql, r -> TABLES.getOrDefault(r, List.of()));
    }

    private static RelationInfo.ColumnSource from(String relation, String column) {
        return new RelationInfo.ColumnSource(relation, column);
    }

    @Test
    void renamed_and_qualified_columns_come_from_the_table_behind_their_alias() {
        var lineage =
                lineage(
                        "SELECT o.order_id, o.total, c.name AS customer_name, c.country AS"
                                + " customer_country, s.country AS store_country, city"
                                + " FROM orders o JOIN customers c ON c.customer_id = o.customer_id"
                                + " LEFT JOIN stores AS s USING (store_id)");
        assertThat(lineage)
                .containsEntry("order_id", from("orders", "order_id"))
                .containsEntry("total", from("orders", "total"))
                .containsEntry("customer_name", from("customers", "name"))
                .containsEntry("customer_country", from("customers", "country"))
                .containsEntry("store_country", from("stores", "country"))
                // unqualified, held by one table only
                .containsEntry("city", from("stores", "city"))
                .hasSize(6);
    }

    @Test
    void computed_and_ambiguous_columns_have_no_origin() {
        var lineage =
                lineage(
                        "SELECT upper(c.name) AS shout, o.total * 2 AS doubled, country,"
                                + " count(*) OVER () AS n FROM orders o JOIN customers c USING"
                                + " (customer_id) JOIN stores s USING (store_id)");
        assertThat(lineage).isEmpty();
    }

    @Test
    void stars_expand_to_their_tables_columns() {
        var lineage =
                lineage(
                        "SELECT o.* EXCLUDE (store_id), c.name FROM orders o JOIN customers c"
                                + " USING (customer_id)");
        assertThat(lineage)
                .containsEntry("order_id", from("orders", "order_id"))
                .containsEntry("name", from("customers", "name"))
                .doesNotContainKey("store_id");
    }

    @Test
    void ctes_subqueries_and_set_operations_are_not_guessed() {
        assertThat(lineage("WITH x AS (SELECT * FROM orders) SELECT x.total FROM x")).isEmpty();
        assertThat(lineage("SELECT t.total FROM (SELECT * FROM orders) t")).isEmpty();
        assertThat(lineage("SELECT total FROM orders UNION ALL SELECT total FROM orders"))
                .isEmpty();
        assertThat(lineage("this is not sql")).isEmpty();
    }
}
