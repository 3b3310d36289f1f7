package io.rowdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where each column of a view comes from, read from DuckDB's own parse tree of the view's SQL
 * ({@code json_serialize_sql}): a select item that is a plain column reference ({@code r.full_name
 * AS referrer_name}, {@code p.*}, {@code *}) has the table behind its qualifier (or the one table
 * of the FROM clause that has the column); anything computed has no origin. Only a top-level SELECT
 * over tables and joins is read: a CTE, subquery or set operation leaves its columns without
 * origin, never with a wrong one.
 */
public final class ViewLineage {
    private ViewLineage() {}

    /**
     * The origins of the view's columns by view column name. {@code columnsOf} gives a relation's
     * columns (empty when unknown), for stars and unqualified references.
     */
    public static Map<String, RelationInfo.ColumnSource> of(
            String sql, Function<String, List<Column>> columnsOf) {
        JsonNode node;
        try {
            node = parse(sql);
        } catch (SQLException | RuntimeException e) {
            return Map.of();
        }
        if (node == null || !"SELECT_NODE".equals(node.path("type").asText())) {
            return Map.of();
        }
        Set<String> ctes = new HashSet<>();
        node.path("cte_map").path("map").forEach(e -> ctes.add(lower(e.path("key").asText())));
        // alias (lower case) → relation, in FROM order
        Map<String, String> tables = new LinkedHashMap<>();
        from(node.path("from_table"), ctes, tables);
        Map<String, RelationInfo.ColumnSource> lineage = new LinkedHashMap<>();
        for (JsonNode item : node.path("select_list")) {
            String type = item.path("type").asText();
            if ("COLUMN_REF".equals(type)) {
                List<String> names = new ArrayList<>();
                item.path("column_names").forEach(n -> names.add(n.asText()));
                String relation = null;
                String column = names.get(names.size() - 1);
                if (names.size() == 2) {
                    relation = tables.get(lower(names.get(0)));
                } else if (names.size() == 1) {
                    relation = onlyHolder(tables.values(), column, columnsOf);
                }
                if (relation != null) {
                    String alias = item.path("alias").asText("");
                    lineage.putIfAbsent(
                            alias.isEmpty() ? column : alias,
                            new RelationInfo.ColumnSource(relation, column));
                }
            } else if ("STAR".equals(type)
                    && item.path("replace_list").isEmpty()
                    && item.path("rename_list").isEmpty()
                    && !item.path("columns").asBoolean(false)) {
                String qualifier = item.path("relation_name").asText("");
                Set<String> excluded = new HashSet<>();
                item.path("exclude_list").forEach(e -> excluded.add(lower(e.asText())));
                List<String> relations =
                        qualifier.isEmpty()
                                ? List.copyOf(tables.values())
                                : tables.containsKey(lower(qualifier))
                                        ? List.of(tables.get(lower(qualifier)))
                                        : List.of();
                for (String relation : relations) {
                    for (Column column : columnsOf.apply(relation)) {
                        if (!excluded.contains(lower(column.name()))) {
                            lineage.putIfAbsent(
                                    column.name(),
                                    new RelationInfo.ColumnSource(relation, column.name()));
                        }
                    }
                }
            }
        }
        return lineage;
    }

    private static void from(JsonNode node, Set<String> ctes, Map<String, String> tables) {
        switch (node.path("type").asText()) {
            case "BASE_TABLE" -> {
                String name = node.path("table_name").asText();
                if (node.path("schema_name").asText("").isEmpty()
                        && node.path("catalog_name").asText("").isEmpty()
                        && !ctes.contains(lower(name))) {
                    String alias = node.path("alias").asText("");
                    tables.put(lower(alias.isEmpty() ? name : alias), name);
                }
            }
            case "JOIN" -> {
                from(node.path("left"), ctes, tables);
                from(node.path("right"), ctes, tables);
            }
            default -> {
                // subqueries, table functions: their columns have no origin here
            }
        }
    }

    private static String onlyHolder(
            Iterable<String> relations, String column, Function<String, List<Column>> columnsOf) {
        String holder = null;
        for (String relation : relations) {
            if (columnsOf.apply(relation).stream()
                    .anyMatch(c -> c.name().equalsIgnoreCase(column))) {
                if (holder != null) {
                    return null;
                }
                holder = relation;
            }
        }
        return holder;
    }

    /** DuckDB's parse tree of one statement, from a small instance of its own. */
    private static JsonNode parse(String sql) throws SQLException {
        try (Connection parser = DuckDb.open(null, new DuckDb.Limits("256MB", 1));
                PreparedStatement statement =
                        parser.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            statement.setString(1, sql);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                JsonNode tree = Json.MAPPER.readTree(rs.getString(1));
                if (tree.path("error").asBoolean(true) || tree.path("statements").size() != 1) {
                    return null;
                }
                return tree.path("statements").get(0).path("node");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
