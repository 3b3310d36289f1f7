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

/**
 * Writes rows as RFC 4180 CSV (Jackson's CSV module does the quoting) with a header line: decimals
 * in plain notation, timestamps ISO-8601, NULL as an empty field.
 */
final class CsvRowWriter implements QueryEngine.RowSink, AutoCloseable {
    private static final CsvMapper CSV = new CsvMapper();
    private final OutputStream out;
    private JsonGenerator generator;

    CsvRowWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void columns(List<Column> columns) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(c -> schema.addColumn(c.name()));
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
                } else {
                    generator.writeString(
                            value instanceof BigDecimal d
                                    ? d.toPlainString()
                                    : JsonValues.text(value));
                }
            }
            generator.writeEndArray();
            return true;
        } catch (IOException e) {
            // the browser went away: stop the query rather than fill a closed socket
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (generator != null) {
            generator.close();
        }
    }
}
