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
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.TableId;
import io.rowdesk.config.SourceConfig;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One BigQuery table, or a {@code query} entry read as a table, written as CSV for the cache
 * writer. A whole stored table is read page by page through {@code tabledata.list} (no query, no
 * cost); a query entry, the rows since a cursor value (incremental sync) and some keys (refresh by
 * key) are read by a query job with the value or keys as bound parameters, never spliced.
 */
public final class BigQueryTable implements StreamedTable {
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final long PAGE_SIZE = 10_000;

    private final BigQuerySource source;
    private final String relation;
    private final TableId id; // null for a query entry
    private final String from; // `project.dataset.table`, or (query)
    private final Schema schema;
    private final List<SourceColumn> columns;
    private final long estimate;
    private final String key;
    private final String cursor;

    BigQueryTable(
            BigQuerySource source,
            SourceConfig.TableConfig entry,
            TableId id,
            String from,
            Schema schema,
            long estimate) {
        this.source = source;
        this.relation = entry.name();
        this.id = id;
        this.from = from;
        this.schema = schema;
        List<SourceColumn> columns = new ArrayList<>();
        schema.getFields().forEach(field -> columns.add(BigQueryTypes.column(field)));
        this.columns = List.copyOf(columns);
        this.estimate = estimate;
        this.key = entry.key();
        this.cursor = entry.cursor();
        for (String column : new String[] {key, cursor}) {
            if (column != null && columns.stream().noneMatch(c -> c.name().equals(column))) {
                throw new SourceException(
                        "source '"
                                + source.name()
                                + "': table '"
                                + relation
                                + "' has no column '"
                                + column
                                + "' (named as its key or cursor)");
            }
        }
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
        return Optional.ofNullable(cursor);
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
            for (FieldValueList row : rows(selection)) {
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading table '" + relation + "'", e);
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

    private Iterable<FieldValueList> rows(RowSelection selection) throws InterruptedException {
        if (id != null && selection instanceof RowSelection.All) {
            return source.client()
                    .listTableData(id, schema, BigQuery.TableDataListOption.pageSize(PAGE_SIZE))
                    .iterateAll();
        }
        return source.query(selectionQuery(selection).setMaxResults(PAGE_SIZE)).iterateAll();
    }

    /** The query for a selection of rows, its value or keys bound as named parameters. */
    QueryJobConfiguration.Builder selectionQuery(RowSelection selection) {
        String sql = "SELECT * FROM " + from + " AS t";
        QueryJobConfiguration.Builder query;
        if (selection instanceof RowSelection.Since since) {
            query =
                    QueryJobConfiguration.newBuilder(
                                    sql + " WHERE t." + quote(cursor) + " >= @since")
                            .addNamedParameter("since", parameter(cursor, since.value()));
        } else if (selection instanceof RowSelection.Keys keys) {
            List<QueryParameterValue> values = new ArrayList<>();
            keys.keys().forEach(k -> values.add(parameter(key, String.valueOf(k))));
            query =
                    QueryJobConfiguration.newBuilder(
                                    sql + " WHERE t." + quote(key) + " IN UNNEST(@keys)")
                            .addNamedParameter(
                                    "keys",
                                    QueryParameterValue.newBuilder()
                                            .setType(StandardSQLTypeName.ARRAY)
                                            .setArrayType(type(key))
                                            .setArrayValues(values)
                                            .build());
        } else {
            query = QueryJobConfiguration.newBuilder(sql);
        }
        return query;
    }

    private QueryParameterValue parameter(String column, String text) {
        return QueryParameterValue.newBuilder().setType(type(column)).setValue(text).build();
    }

    private StandardSQLTypeName type(String column) {
        return schema.getFields().get(column).getType().getStandardType();
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "\\`") + "`";
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
