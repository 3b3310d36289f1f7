package io.rowdesk.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTemplateTest {
    @Test
    void every_token_is_filled_in_one_pass() {
        TextTemplate t = TextTemplate.parse("t", "SELECT {{a}} FROM {{ b }} WHERE {{a}} > 0");
        assertThat(t.render(Map.of("a", "x", "b", "y"))).isEqualTo("SELECT x FROM y WHERE x > 0");
        assertThat(t.names()).containsExactly("a", "b");
    }

    @Test
    void a_value_that_looks_like_a_token_is_not_expanded_again() {
        TextTemplate t = TextTemplate.parse("t", "{{relation}} / {{column}}");
        assertThat(t.render(Map.of("relation", "{{column}}", "column", "c")))
                .isEqualTo("{{column}} / c");
    }

    @Test
    void a_token_without_a_value_is_an_error_that_names_it() {
        TextTemplate t = TextTemplate.parse("grid/top_n.sql", "FROM {{table}} {{where}}");
        assertThatThrownBy(() -> t.render(Map.of("table", "t")))
                .isInstanceOf(TextTemplate.TemplateException.class)
                .hasMessageContaining("grid/top_n.sql")
                .hasMessageContaining("no value for [where]");
    }

    @Test
    void a_null_value_is_a_missing_value() {
        TextTemplate t = TextTemplate.parse("t", "{{a}}");
        HashMap<String, String> values = new HashMap<>();
        values.put("a", null);
        assertThatThrownBy(() -> t.render(values)).hasMessageContaining("no value for [a]");
    }

    @Test
    void a_value_without_a_token_is_an_error() {
        TextTemplate t = TextTemplate.parse("t", "{{a}}");
        assertThatThrownBy(() -> t.render(Map.of("a", "1", "typo", "2")))
                .hasMessageContaining("no token for [typo]");
    }

    @Test
    void text_without_tokens_renders_as_it_is() {
        assertThat(TextTemplate.parse("t", "SELECT '{x}', '{{'").render(Map.of()))
                .isEqualTo("SELECT '{x}', '{{'");
    }

    @Test
    void every_prompt_and_sql_file_with_tokens_parses() {
        assertThat(ClasspathTemplates.prompts().get("search/system.txt").names())
                .contains("relation", "columns", "today");
        assertThat(new ClasspathTemplates("sql").get("grid/ordering_copy.sql").names())
                .containsExactlyInAnyOrder("ordering", "order", "table", "where");
    }
}
