package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.query.QueryResult;
import io.rowdesk.search.GuardException;
import io.rowdesk.search.GuardedQueries;
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

    public SqlController(GuardedQueries queries) {
        this.queries = Objects.requireNonNull(queries, "queries is null");
    }

    public void sql(Context ctx) {
        User user = AccessControl.user(ctx);
        Body request = RequestBodies.read(ctx, Body.class, Body.EXAMPLE);
        if (request.sql() == null || request.sql().isBlank()) {
            throw UserFacingException.badRequest("\"sql\" must be a non-empty string.");
        }
        int limit = request.rows(queries.limits().maxRows());
        QueryResult result;
        try {
            result = queries.run(request.sql(), List.of(), user.role(), limit);
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

    /** The body of {@code POST /api/v1/sql}. */
    record Body(String sql, Integer limit) {
        static final String EXAMPLE = "{\"sql\": \"SELECT * FROM payouts\", \"limit\": 100}";

        int rows(int maxRows) {
            if (limit == null) {
                return maxRows;
            }
            if (limit < 1 || limit > maxRows) {
                throw UserFacingException.badRequest(
                        "\"limit\" must be a whole number from 1 to " + maxRows + ".");
            }
            return limit;
        }
    }
}
