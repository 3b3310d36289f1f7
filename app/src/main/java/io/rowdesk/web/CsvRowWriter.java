package io.rowdesk.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Writes rows as RFC 4180 CSV (Jackson's CSV module does the quoting) with a header line: decimals
 * in plain notation, timestamps ISO-8601, NULL as an empty field.
 */
final class CsvRowWriter implements QueryEngine.RowSink, AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();
    private final OutputStream out;
    private final Function<Column, String> header;
    private JsonGenerator generator;

    CsvRowWriter(OutputStream out) {
        this(out, Column::name);
    }

    /** {@code header}: what the header line says for a column (its name, or its label). */
    CsvRowWriter(OutputStream out, Function<Column, String> header) {
        this.out = out;
        this.header = header;
    }

    @Override
    public void columns(List<Column> columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        java.util.Set<String> seen = new java.util.HashSet<>();
        // two columns with the same label keep their names: a header must name each column once
        columns.forEach(
                c -> schema.addColumn(seen.add(header.apply(c)) ? header.apply(c) : c.name()));
        try {
            generator = CSV.getFactory().createGenerator(out);
            generator.setSchema(schema.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean row(List<Object> row) {
        try {
            generator.writeStartArray();
            for (Object value : row) {
                if (value == null) {
                    generator.writeNull();
                } else if (value instanceof Number) {
                    generator.writeString(
                            value instanceof BigDecimal d
                                    ? d.toPlainString()
                                    : JsonValues.text(value));
                } else {
                    generator.writeString(neutralise(JsonValues.text(value)));
                }
            }
            generator.writeEndArray();
            return true;
        } catch (IOException e) {
            // the browser went away: stop the query rather than fill a closed socket
            return false;
        }
    }

    /**
     * OWASP CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR
     * before one) as a formula, so such text gets a leading apostrophe, which spreadsheets show as
     * text and hide. Numbers never pass through here, so -5 stays a number.
     */
    static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '='
                        || first == '+'
                        || first == '-'
                        || first == '@'
                        || first == '\t'
                        || first == '\r'
                ? "'" + text
                : text;
    }

    @Override
    public void close() throws IOException {
        if (generator != null) {
            generator.close();
        }
    }
}
