package io.rowdesk.search.llm;

import io.rowdesk.search.QuerySpec;
import java.util.Objects;

/** What the model answered, once read: a query spec (preferred) or one SELECT for the guard. */
public sealed interface LlmAnswer {

    /**
     * A typed query that {@link io.rowdesk.search.SqlRenderer} turns into SQL with bound values.
     */
    record Spec(QuerySpec spec) implements LlmAnswer {
        public Spec {
            Objects.requireNonNull(spec, "spec is null");
        }
    }

    /** SQL written by the model: it runs only if {@link io.rowdesk.search.SqlGuard} lets it. */
    record Sql(String sql) implements LlmAnswer {
        public Sql {
            Objects.requireNonNull(sql, "sql is null");
        }
    }
}
