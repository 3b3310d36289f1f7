package io.rowdesk.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.auth.Role;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.json.Json;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.query.RelationInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a piece of SQL written by a person, a model or a builder may run on the query
 * instance. DuckDB's own parser ({@code json_serialize_sql}, on a separate plain instance) turns it
 * into a tree, and the whole tree is walked: exactly one SELECT; every table reference a relation
 * the role may see (or a CTE in scope); no table functions; only allowlisted scalar, aggregate and
 * window functions. The sandbox behind it stops file and network access too; this stops everything
 * else, including reads of hidden relations and COPY into the snapshot folder.
 */
public final class SqlGuard implements AutoCloseable {
    static final int MAX_SQL_CHARS = 100_000;
    static final String ONLY_SELECT = "Only a single SELECT can run here.";

    private static final Set<String> QUERY_NODES =
            Set.of("SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE");
    private static final Set<String> TABLE_REFS =
            Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EMPTY", "EXPRESSION_LIST", "PIVOT");
    private static final Set<String> EXPRESSIONS =
            Set.of(
                    "COLUMN_REF",
                    "CONSTANT",
                    "FUNCTION",
                    "OPERATOR",
                    "COMPARISON",
                    "CONJUNCTION",
                    "CASE",
                    "CAST",
                    "SUBQUERY",
                    "STAR",
                    "WINDOW",
                    "BETWEEN",
                    "PARAMETER",
                    "LAMBDA",
                    "COLLATE",
                    "POSITIONAL_REFERENCE",
                    "TYPE",
                    "LAMBDA_REF");

    private final RelationCatalog catalog;
    private final Connection parser;
    private final ObjectMapper json = Json.MAPPER;

    public SqlGuard(RelationCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog is null");
        try {
            // Not the query instance: parsing must not depend on, or be able to touch, the
            // snapshots.
            this.parser = DuckDb.open(null, new DuckDb.Limits("256MB", 1));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot start the SQL parser instance: " + e.getMessage(), e);
        }
    }

    /** The query if {@code role} may run it; otherwise a {@link GuardException} saying why not. */
    public CheckedQuery check(String sql, Role role) {
        Objects.requireNonNull(role, "role is null");
        if (sql == null || sql.isBlank()) {
            throw new GuardException("The query is empty.");
        }
        if (sql.length() > MAX_SQL_CHARS) {
            throw new GuardException("The query is longer than " + MAX_SQL_CHARS + " characters.");
        }
        JsonNode tree = parse(sql);
        if (tree.path("error").asBoolean(true)) {
            if ("parser".equals(tree.path("error_type").asText())) {
                throw new GuardException(
                        "The query does not parse: " + tree.path("error_message").asText() + ".");
            }
            throw new GuardException(ONLY_SELECT);
        }
        JsonNode statements = tree.path("statements");
        if (!statements.isArray() || statements.size() != 1) {
            throw new GuardException(ONLY_SELECT);
        }
        Walk walk = new Walk(role);
        walk.queryNode(statements.get(0).path("node"), Set.of());
        return new CheckedQuery(sql, walk.relations);
    }

    private JsonNode parse(String sql) {
        String serialized;
        synchronized (parser) {
            try (PreparedStatement statement =
                    parser.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
                statement.setString(1, sql);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    serialized = rs.getString(1);
                }
            } catch (SQLException e) {
                throw new GuardException(
                        "The query could not be checked: " + firstLine(e.getMessage()), e);
            }
        }
        try {
            return json.readTree(serialized);
        } catch (StreamConstraintsException e) {
            throw new GuardException("The query is nested too deeply.", e);
        } catch (JsonProcessingException e) {
            throw new GuardException("The query could not be checked.", e);
        }
    }

    /**
     * One walk over one statement's tree; {@code scope} is the CTE names visible at a point (ASCII
     * lower case).
     */
    private final class Walk {
        private final Role role;
        private final Set<String> relations = new HashSet<>();

        Walk(Role role) {
            this.role = role;
        }

        void queryNode(JsonNode node, Set<String> outer) {
            String type = node.path("type").asText();
            if (!QUERY_NODES.contains(type)) {
                throw new GuardException(ONLY_SELECT);
            }
            Set<String> scope = ctes(node.path("cte_map").path("map"), outer);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                switch (field.getKey()) {
                    case "cte_map" -> {}
                    case "right" -> {
                        // In WITH RECURSIVE, only the recursive part may refer to the CTE being
                        // defined.
                        Set<String> inner = scope;
                        if (type.equals("RECURSIVE_CTE_NODE")) {
                            inner = with(scope, node.path("cte_name").asText());
                        }
                        any(field.getValue(), inner);
                    }
                    default -> any(field.getValue(), scope);
                }
            }
        }

        /**
         * CTEs in order: each body sees the CTEs before it (not itself, not later ones), as DuckDB
         * binds them.
         */
        private Set<String> ctes(JsonNode map, Set<String> outer) {
            Set<String> scope = outer;
            for (JsonNode entry : map) {
                JsonNode value = entry.path("value");
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    any(fields.next().getValue(), scope);
                }
                scope = with(scope, entry.path("key").asText());
            }
            return scope;
        }

        void any(JsonNode node, Set<String> scope) {
            if (node.isArray()) {
                for (JsonNode child : node) {
                    any(child, scope);
                }
                return;
            }
            if (!node.isObject()) {
                return;
            }
            if (node.has("cte_map")) {
                queryNode(node, scope);
                return;
            }
            String type = node.path("type").isTextual() ? node.path("type").asText() : "";
            if ("TABLE_FUNCTION".equals(type)) {
                throw notAllowed(
                        node.path("function").path("function_name").asText("a table function"));
            }
            if ("SHOW_REF".equals(type)) {
                throw new GuardException(
                        "DESCRIBE, SHOW and SUMMARIZE cannot run here; "
                                + ONLY_SELECT.toLowerCase());
            }
            if (node.has("class")) {
                expression(node);
            } else if (node.has("sample") && !type.isEmpty() && !TABLE_REFS.contains(type)) {
                throw new GuardException(
                        "This kind of FROM clause (" + type + ") cannot run here.");
            }
            if (node.has("table_name")) {
                baseTable(node, scope);
            }
            node.elements().forEachRemaining(child -> any(child, scope));
        }

        private void expression(JsonNode node) {
            String kind = node.path("class").asText();
            if (!EXPRESSIONS.contains(kind)) {
                throw new GuardException("This kind of expression (" + kind + ") cannot run here.");
            }
            if (node.has("function_name")) {
                String name = node.path("function_name").asText();
                String schema = node.path("schema").asText("");
                String catalogName = node.path("catalog").asText("");
                if (!schema.isEmpty() || !catalogName.isEmpty()) {
                    throw notAllowed(
                            String.join(".", catalogName, schema, name).replaceAll("^\\.+", ""));
                }
                if (!AllowedFunctions.allowed(name)) {
                    throw notAllowed(name);
                }
            }
        }

        private void baseTable(JsonNode node, Set<String> scope) {
            if (!"BASE_TABLE".equals(node.path("type").asText())) {
                throw new GuardException("This kind of FROM clause cannot run here.");
            }
            String name = node.path("table_name").asText();
            String schema = node.path("schema_name").asText("");
            String catalogName = node.path("catalog_name").asText("");
            if (!schema.isEmpty() || !catalogName.isEmpty()) {
                // Qualified names reach snapshot catalogs, information_schema and system views:
                // never allowed.
                throw unknownRelation(
                        String.join(".", catalogName, schema, name).replaceAll("^\\.+", ""));
            }
            if (scope.contains(asciiLower(name))) {
                return;
            }
            if (!visible(name)) {
                throw unknownRelation(name);
            }
            relations.add(asciiLower(name));
        }

        /**
         * DuckDB matches names without regard to case: every relation that could match must be
         * visible.
         */
        private boolean visible(String name) {
            boolean found = false;
            for (RelationInfo relation : catalog.all()) {
                if (relation.name().equalsIgnoreCase(name)) {
                    if (catalog.find(relation.name(), role).isEmpty()) {
                        return false;
                    }
                    found = true;
                }
            }
            return found;
        }
    }

    private static GuardException notAllowed(String function) {
        return new GuardException("The function " + function + " is not allowed here.");
    }

    private static GuardException unknownRelation(String name) {
        // A hidden relation is refused with the same words as a missing one: the refusal reveals
        // nothing.
        return new GuardException("Unknown relation '" + name + "'.");
    }

    private static Set<String> with(Set<String> scope, String name) {
        Set<String> next = new HashSet<>(scope);
        next.add(asciiLower(name));
        return Set.copyOf(next);
    }

    /**
     * Lower-cases ASCII letters only: matching CTE names more narrowly than DuckDB can only refuse
     * more.
     */
    static String asciiLower(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
