package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.query.Column;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP CSV injection: formula-looking text is neutralised in exports, numbers are not. */
class CsvInjectionTest {
    @Test
    void text_starting_with_a_formula_character_gets_an_apostrophe_and_numbers_stay_numbers()
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRowWriter writer = new CsvRowWriter(out)) {
            writer.columns(
                    List.of(
                            new Column("a", "VARCHAR"),
                            new Column("b", "VARCHAR"),
                            new Column("c", "VARCHAR"),
                            new Column("d", "VARCHAR"),
                            new Column("e", "VARCHAR"),
                            new Column("f", "VARCHAR"),
                            new Column("g", "INTEGER"),
                            new Column("h", "DECIMAL"),
                            new Column("i", "VARCHAR")));
            writer.row(
                    Arrays.asList(
                            "=HYPERLINK(\"http://evil\")",
                            "+1+1",
                            "-2+3",
                            "@SUM(A1)",
                            "\t=1",
                            "\r=1",
                            -5,
                            new BigDecimal("-1.50"),
                            "plain - text"));
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String row = lines[1];
        assertThat(row)
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains("'+1+1")
                .contains("'-2+3")
                .contains("'@SUM(A1)")
                .contains(",-5,-1.50,")
                .contains("plain - text");
        assertThat(row).doesNotContain(",=").doesNotContain(",+1").doesNotContain(",@");
        assertThat(CsvRowWriter.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvRowWriter.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvRowWriter.neutralise("")).isEmpty();
    }
}
