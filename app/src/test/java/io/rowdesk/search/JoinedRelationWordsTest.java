package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.auth.Role;
import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.query.ViewLineage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Words naming a relation a view joins pick the columns that came from it, on a small view of
 * orders with their customer's and their store's country (both hold 'Brazil'), whose lineage is
 * read from its SQL by DuckDB.
 */
class JoinedRelationWordsTest {
    static final String VIEW_SQL =
            "SELECT o.order_id, o.status, o.total, s.country AS store_country, c.name AS"
                    + " customer_name, c.status AS customer_status, c.country AS customer_country"
                    + " FROM orders o JOIN customers c ON c.customer_id = o.customer_id"
                    + " JOIN stores s ON s.store_id = o.store_id";

    static final Map<String, List<Column>> TABLES =
            Map.of(
                    "orders",
                    List.of(
                            new Column("order_id", "INTEGER"),
                            new Column("customer_id", "INTEGER"),
                            new Column("store_id", "INTEGER"),
                            new Column("status", "VARCHAR"),
                            new Column("total", "DECIMAL(10,2)")),
                    "customers",
                    List.of(
                            new Column("customer_id", "INTEGER"),
                            new Column("name", "VARCHAR"),
                            new Column("status", "VARCHAR"),
                            new Column("country", "VARCHAR")),
                    "stores",
                    List.of(new Column("store_id", "INTEGER"), new Column("country", "VARCHAR")));

    static final List<Column> COLUMNS =
            List.of(
                    new Column("order_id", "INTEGER"),
                    new Column("status", "VARCHAR"),
                    new Column("total", "DECIMAL(10,2)"),
                    new Column("store_country", "VARCHAR"),
                    new Column("customer_name", "VARCHAR"),
                    new Column("customer_status", "VARCHAR"),
                    new Column("customer_country", "VARCHAR"));

    private static ColumnProfile values(int position, String column, String... values) {
        return new ColumnProfile(
                "order_board",
                position,
                column,
                "VARCHAR",
                100,
                0,
                values.length,
                null,
                null,
                java.util.Arrays.stream(values)
                        .map(v -> new ColumnProfile.ValueCount(v, 10))
                        .toList());
    }

    private static ColumnProfile plain(int position, String column, String type) {
        return new ColumnProfile(
                "order_board", position, column, type, 100, 0, 100, "1", "99", null);
    }

    static final List<ColumnProfile> PROFILES =
            List.of(
                    plain(0, "order_id", "INTEGER"),
                    values(1, "status", "pending", "shipped", "cancelled"),
                    plain(2, "total", "DECIMAL(10,2)"),
                    values(3, "store_country", "Brazil", "Germany", "Japan"),
                    plain(4, "customer_name", "VARCHAR"),
                    values(5, "customer_status", "pending", "active", "blocked"),
                    values(6, "customer_country", "Brazil", "France", "Japan"));

    private static String translate(String question) {
        RelationInfo view =
                new RelationInfo(
                        "order_board",
                        "view",
                        COLUMNS,
                        100,
                        true,
                        ViewLineage.of(VIEW_SQL, r -> TABLES.getOrDefault(r, List.of())));
        RelationConfig settings =
                new RelationConfig(
                        Set.of(Role.assignable()),
                        List.of("orders"),
                        Map.of(),
                        Map.of(),
                        null,
                        "order_id");
        Vocabulary vocabulary =
                new Vocabulary(
                        view, settings, PROFILES, Map.of("customers", List.of("clients", "buyer")));
        LocalTranslator.Translation translation =
                new LocalTranslator().translate(question, vocabulary, LocalDate.of(2026, 11, 20));
        assertThat(translation.unmatched()).as(question).isEmpty();
        return new SqlRenderer().render(translation.spec(), view, "order_id").display();
    }

    @Test
    void the_view_knows_where_its_columns_come_from() {
        var lineage = ViewLineage.of(VIEW_SQL, r -> TABLES.getOrDefault(r, List.of()));
        assertThat(lineage.get("customer_country"))
                .isEqualTo(new RelationInfo.ColumnSource("customers", "country"));
        assertThat(lineage.get("store_country"))
                .isEqualTo(new RelationInfo.ColumnSource("stores", "country"));
        assertThat(lineage.get("status"))
                .isEqualTo(new RelationInfo.ColumnSource("orders", "status"));
    }

    @Test
    void a_value_next_to_a_joined_relation_is_read_on_that_relations_column() {
        assertThat(translate("orders from stores in brazil"))
                .contains("\"store_country\" IN ('Brazil')")
                .doesNotContain("customer_country");
        assertThat(translate("orders from customers in brazil"))
                .contains("\"customer_country\" IN ('Brazil')")
                .doesNotContain("store_country");
        assertThat(translate("pending customers"))
                .contains("\"customer_status\" IN ('pending')")
                .doesNotContain("\"status\" IN");
    }

    @Test
    void synonyms_of_a_joined_relation_count_as_its_name() {
        assertThat(translate("orders of clients in brazil"))
                .contains("\"customer_country\" IN ('Brazil')")
                .doesNotContain("store_country");
    }

    @Test
    void without_a_relation_word_the_first_column_in_order_is_read() {
        assertThat(translate("pending orders")).contains("\"status\" IN ('pending')");
        assertThat(translate("orders in brazil")).contains("\"store_country\" IN ('Brazil')");
    }
}
