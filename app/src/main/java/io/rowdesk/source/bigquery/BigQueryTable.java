package io.rowdesk.source.bigquery;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableId;
import io.rowdesk.json.Json;
import io.rowdesk.source.RowSelection;
import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceException;
import io.rowdesk.source.StreamedTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One BigQuery table, read page by page through {@code tabledata.list} and written as CSV for the
 * cache writer. Only full reads: BigQuery has no cheap cursor filter on table data, so a cursor or
 * key selection reads the table whole and the merge by key keeps the result correct.
 */
public final class BigQueryTable implements StreamedTable {
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final long PAGE_SIZE = 10_000;

    private final BigQuerySource source;
    private final String relation;
    private final TableId id;
    private final Schema schema;
    private final List<SourceColumn> columns;
    private final long estimate;
    private final String key;
    private final String cursor;

    BigQueryTable(
            BigQuerySource source,
            String relation,
            TableId id,
            Schema schema,
            List<SourceColumn> columns,
            long estimate,
            String key,
            String cursor) {
        this.source = source;
        this.relation = relation;
        this.id = id;
        this.schema = schema;
        this.columns = List.copyOf(columns);
        this.estimate = estimate;
        this.key = key;
        this.cursor = cursor;
    }

    @Override
    public String relation() {
        return relation;
    }

    @Override
    public String source() {
        return source.name();
    }

    @Override
    public String fingerprint() {
        return "bigquery:" + source.name() + ":" + relation;
    }

    @Override
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    @Override
    public Optional<String> cursor() {
        return Optional.empty(); // see the class comment: syncs are full
    }

    @Override
    public List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public long estimatedRows() {
        return estimate;
    }

    @Override
    public long copyCsv(RowSelection selection, OutputStream out) throws IOException {
        CsvSchema.Builder csvSchema = CsvSchema.builder().setUseHeader(false);
        columns.forEach(c -> csvSchema.addColumn(c.name()));
        long rows = 0;
        try (JsonGenerator generator =
                CSV.getFactory()
                        .createGenerator(out)
                        .enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS)) {
            generator.setSchema(csvSchema.build());
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (FieldValueList row :
                    source.client()
                            .listTableData(
                                    id, schema, BigQuery.TableDataListOption.pageSize(PAGE_SIZE))
                            .iterateAll()) {
                generator.writeStartArray();
                FieldList fields = schema.getFields();
                for (int i = 0; i < fields.size(); i++) {
                    String text = text(fields.get(i), row.get(i));
                    if (text == null) {
                        generator.writeNull();
                    } else {
                        generator.writeString(text);
                    }
                }
                generator.writeEndArray();
                rows++;
            }
        } catch (BigQueryException e) {
            throw new SourceException(
                    "source '"
                            + source.name()
                            + "': cannot read table '"
                            + relation
                            + "': "
                            + e.getMessage(),
                    e);
        }
        return rows;
    }

    /** A value as the CSV text the cache type parses (nested values as JSON). */
    private static String text(Field field, FieldValue value) throws IOException {
        if (value == null || value.isNull()) {
            return null;
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        if (field.getMode() == Field.Mode.REPEATED || type == StandardSQLTypeName.STRUCT) {
            return JSON.writeValueAsString(json(field, value));
        }
        return switch (type) {
            case BYTES -> HexFormat.of().formatHex(value.getBytesValue());
            case TIMESTAMP ->
                    TIMESTAMP.format(Instant.EPOCH.plusNanos(value.getTimestampValue() * 1000));
            case BOOL -> Boolean.toString(value.getBooleanValue());
            default -> value.getStringValue();
        };
    }

    private static com.fasterxml.jackson.databind.JsonNode json(Field field, FieldValue value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null || value.isNull()) {
            return nodes.nullNode();
        }
        StandardSQLTypeName type = field.getType().getStandardType();
        if (field.getMode() == Field.Mode.REPEATED) {
            Field element = field.toBuilder().setMode(Field.Mode.NULLABLE).build();
            ArrayNode array = nodes.arrayNode();
            for (FieldValue item : value.getRepeatedValue()) {
                array.add(json(element, item));
            }
            return array;
        }
        if (type == StandardSQLTypeName.STRUCT) {
            ObjectNode object = nodes.objectNode();
            FieldList subFields = field.getSubFields();
            FieldValueList record = value.getRecordValue();
            for (int i = 0; i < subFields.size(); i++) {
                object.set(subFields.get(i).getName(), json(subFields.get(i), record.get(i)));
            }
            return object;
        }
        return switch (type) {
            case INT64 -> nodes.numberNode(value.getLongValue());
            case FLOAT64 -> nodes.numberNode(value.getDoubleValue());
            case NUMERIC, BIGNUMERIC -> nodes.numberNode(value.getNumericValue());
            case BOOL -> nodes.booleanNode(value.getBooleanValue());
            case BYTES -> nodes.textNode(HexFormat.of().formatHex(value.getBytesValue()));
            case TIMESTAMP ->
                    nodes.textNode(
                            TIMESTAMP.format(
                                    Instant.EPOCH.plusNanos(value.getTimestampValue() * 1000)));
            default -> nodes.textNode(value.getStringValue());
        };
    }
}
