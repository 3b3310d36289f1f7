package io.rowdesk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.QueryResult;
import io.rowdesk.search.GuardException;
import io.rowdesk.search.GuardedQueries;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/sql}: a builder's own SELECT, through the same guard as every other query.
 */
public final class SqlController {
    public static final String SQL = "/api/v1/sql";
    private static final Logger LOG = LoggerFactory.getLogger(SqlController.class);

    private final GuardedQueries queries;
    private final ObjectMapper json = new ObjectMapper();

    public SqlController(GuardedQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
    }

    public void sql(Context ctx) {
        User user = AccessControl.user(ctx);
        Request request = request(ctx.body(), queries.limits().maxRows());
        QueryResult result;
        try {
            result = queries.run(request.sql(), List.of(), user.role(), request.limit());
        } catch (GuardException e) {
            LOG.info("SQL refused for {}: {}", user.email(), e.getMessage());
            throw e;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", ResultJson.columns(result));
        body.put("rows", ResultJson.rows(result));
        body.put("total", result.rows().size());
        body.put("truncated", result.truncated());
        ctx.json(body);
    }

    private record Request(String sql, int limit) {}

    private Request request(String body, int maxRows) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            throw UserFacingException.badRequest("The body is not valid JSON.");
        }
        if (tree == null || !tree.isObject()) {
            throw UserFacingException.badRequest(
                    "Send a JSON object: {\"sql\": \"SELECT ...\", \"limit\": 100}.");
        }
        JsonNode sql = tree.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw UserFacingException.badRequest("\"sql\" must be a non-empty string.");
        }
        JsonNode limit = tree.get("limit");
        int rows = maxRows;
        if (limit != null && !limit.isNull()) {
            if (!limit.canConvertToInt()
                    || !limit.isIntegralNumber()
                    || limit.asInt() < 1
                    || limit.asInt() > maxRows) {
                throw UserFacingException.badRequest(
                        "\"limit\" must be a whole number from 1 to " + maxRows + ".");
            }
            rows = limit.asInt();
        }
        return new Request(sql.asText(), rows);
    }
}
