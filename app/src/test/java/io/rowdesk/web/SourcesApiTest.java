package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rowdesk.DemoAppTest;
import io.rowdesk.TestHttp;
import io.rowdesk.auth.Role;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SourcesApiTest extends DemoAppTest {

    private HttpResponse<String> post(String path, String body, Role role) {
        return http.postJson(path, body, app.token(role));
    }

    @Test
    void sources_answer_every_table_with_its_state_rows_and_last_sync() {
        HttpResponse<String> response =
                http.getWithToken(SourcesController.API, app.token(Role.BUILDER));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sources = TestHttp.json(response).get("sources");
        assertThat(sources.findValuesAsText("name")).contains("app", "warehouse");
        JsonNode app0 = sources.get(0);
        assertThat(app0.get("kind").asText()).isEqualTo("files");
        JsonNode table = app0.get("tables").get(0);
        for (String field :
                new String[] {
                    "name",
                    "relation",
                    "state",
                    "rows",
                    "estimate",
                    "last_success_at",
                    "duration_ms",
                    "last_error"
                }) {
            assertThat(table.has(field)).as(field).isTrue();
        }
        assertThat(table.get("state").asText()).isEqualTo("ok");
        assertThat(table.get("rows").asLong()).isPositive();
    }

    @Test
    void viewers_may_not_see_or_sync_sources() {
        assertThat(http.getWithToken(SourcesController.API, app.token(Role.VIEWER)).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/v1/sources/app/sync", "{}", Role.VIEWER).statusCode()).isEqualTo(403);
    }

    @Test
    void a_sync_runs_on_request_and_is_audited() {
        HttpResponse<String> response =
                post(
                        "/api/v1/sources/app/sync",
                        "{\"tables\": [\"partners\"], \"wait\": true}",
                        Role.BUILDER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = TestHttp.json(response).get("outcomes").get(0);
        assertThat(outcome.get("relation").asText()).isEqualTo("partners");
        assertThat(outcome.get("ok").asBoolean()).isTrue();
        assertThat(app.rowdesk().audit().recent(20))
                .extracting(e -> e.action() + " " + e.target())
                .contains("source.sync.start app.partners", "source.sync.success app.partners");
        HttpResponse<String> accepted = post("/api/v1/sources/app/sync", "", Role.BUILDER);
        assertThat(accepted.statusCode()).isEqualTo(202);
    }

    @Test
    void an_unknown_source_or_table_is_not_found() {
        assertThat(post("/api/v1/sources/nope/sync", "{}", Role.BUILDER).statusCode())
                .isEqualTo(404);
        HttpResponse<String> table =
                post("/api/v1/sources/app/sync", "{\"tables\": [\"nope\"]}", Role.BUILDER);
        assertThat(table.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(table).get("error").asText()).contains("no table 'nope'");
    }
}
