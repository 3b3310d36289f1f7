package io.rowdesk.source.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceColumn.Encoding;

/**
 * BigQuery types to cache types: NUMERIC as DECIMAL(38,9), BIGNUMERIC (76 digits) as DOUBLE,
 * TIMESTAMP as TIMESTAMPTZ, DATETIME as TIMESTAMP, STRUCT as JSON, ARRAY (REPEATED) as a list,
 * BYTES as BLOB.
 */
final class BigQueryTypes {
    private BigQueryTypes() {}

    static SourceColumn column(Field field) {
        StandardSQLTypeName type = field.getType().getStandardType();
        String scalar = scalar(type);
        boolean repeated = field.getMode() == Field.Mode.REPEATED;
        if (type == StandardSQLTypeName.STRUCT) {
            return new SourceColumn(
                    field.getName(), repeated ? "ARRAY<STRUCT>" : "STRUCT", "JSON", Encoding.JSON);
        }
        if (repeated) {
            return new SourceColumn(
                    field.getName(),
                    "ARRAY<" + type.name() + ">",
                    type == StandardSQLTypeName.BYTES ? "VARCHAR[]" : scalar + "[]",
                    Encoding.JSON);
        }
        return new SourceColumn(
                field.getName(),
                type.name(),
                scalar,
                type == StandardSQLTypeName.BYTES ? Encoding.HEX : Encoding.TEXT);
    }

    static String scalar(StandardSQLTypeName type) {
        return switch (type) {
            case INT64 -> "BIGINT";
            case FLOAT64 -> "DOUBLE";
            case NUMERIC -> "DECIMAL(38,9)";
            case BIGNUMERIC -> "DOUBLE";
            case BOOL -> "BOOLEAN";
            case BYTES -> "BLOB";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case JSON, STRUCT -> "JSON";
            default -> "VARCHAR";
        };
    }
}
