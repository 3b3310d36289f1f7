package io.rowdesk.source.postgres;

import io.rowdesk.source.SourceColumn;
import io.rowdesk.source.SourceColumn.Encoding;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postgres types to cache types, faithfully: numeric keeps its precision and scale, timestamptz
 * stays an instant, uuid, json/jsonb, arrays (as lists), bytea (as BLOB), intervals, booleans and
 * NULLs keep their meaning. Enums and types DuckDB has no equal for (inet, money, ranges, ...) are
 * cached as their text.
 */
final class PostgresTypes {
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");

    /** Scalar types by {@code format_type} prefix or {@code pg_type.typname}. */
    private static final Map<String, String> SCALARS =
            Map.ofEntries(
                    Map.entry("smallint", "SMALLINT"),
                    Map.entry("int2", "SMALLINT"),
                    Map.entry("integer", "INTEGER"),
                    Map.entry("int4", "INTEGER"),
                    Map.entry("bigint", "BIGINT"),
                    Map.entry("int8", "BIGINT"),
                    Map.entry("real", "REAL"),
                    Map.entry("float4", "REAL"),
                    Map.entry("double precision", "DOUBLE"),
                    Map.entry("float8", "DOUBLE"),
                    Map.entry("boolean", "BOOLEAN"),
                    Map.entry("bool", "BOOLEAN"),
                    Map.entry("text", "VARCHAR"),
                    Map.entry("character varying", "VARCHAR"),
                    Map.entry("varchar", "VARCHAR"),
                    Map.entry("character", "VARCHAR"),
                    Map.entry("bpchar", "VARCHAR"),
                    Map.entry("name", "VARCHAR"),
                    Map.entry("citext", "VARCHAR"),
                    Map.entry("date", "DATE"),
                    Map.entry("timestamp without time zone", "TIMESTAMP"),
                    Map.entry("timestamp", "TIMESTAMP"),
                    Map.entry("timestamp with time zone", "TIMESTAMPTZ"),
                    Map.entry("timestamptz", "TIMESTAMPTZ"),
                    Map.entry("time without time zone", "TIME"),
                    Map.entry("time", "TIME"),
                    Map.entry("interval", "INTERVAL"),
                    Map.entry("uuid", "UUID"),
                    Map.entry("numeric", "DOUBLE"));

    private PostgresTypes() {}

    /**
     * @param formatType {@code format_type(atttypid, atttypmod)}, e.g. {@code numeric(12,2)}
     * @param typtype {@code pg_type.typtype} ({@code e} for enums)
     * @param category {@code pg_type.typcategory} ({@code A} for arrays)
     * @param elementName {@code typname} of an array's element type
     * @param elementTyptype {@code typtype} of an array's element type
     */
    static SourceColumn column(
            String name,
            String formatType,
            String typtype,
            String category,
            String elementName,
            String elementTyptype) {
        String type = formatType.toLowerCase(Locale.ROOT);
        if ("A".equals(category) && elementName != null) {
            String element =
                    "e".equals(elementTyptype)
                            ? "VARCHAR"
                            : scalar(type.replace("[]", ""), elementName);
            if (element.equals("JSON")) {
                return new SourceColumn(name, formatType, "JSON[]", Encoding.JSON);
            }
            if (element.equals("BLOB") || element.equals("INTERVAL")) {
                // no faithful JSON form for these inside arrays: keep the array's text
                return new SourceColumn(name, formatType, "VARCHAR", Encoding.TEXT);
            }
            return new SourceColumn(name, formatType, element + "[]", Encoding.JSON);
        }
        if (type.equals("json") || type.equals("jsonb")) {
            return new SourceColumn(name, formatType, "JSON", Encoding.TEXT);
        }
        if (type.equals("bytea")) {
            return new SourceColumn(name, formatType, "BLOB", Encoding.HEX);
        }
        if ("e".equals(typtype)) {
            return new SourceColumn(name, formatType, "VARCHAR", Encoding.TEXT);
        }
        return new SourceColumn(name, formatType, scalar(type, null), Encoding.TEXT);
    }

    private static String scalar(String formatType, String typname) {
        Matcher numeric = NUMERIC.matcher(formatType);
        if (numeric.matches()) {
            int precision = Integer.parseInt(numeric.group(1));
            int scale = Integer.parseInt(numeric.group(2));
            // DuckDB's DECIMAL holds 38 digits; beyond that a double keeps the magnitude
            return precision <= 38 ? "DECIMAL(" + precision + "," + scale + ")" : "DOUBLE";
        }
        if (formatType.equals("json") || formatType.equals("jsonb")) {
            return "JSON";
        }
        if (formatType.equals("bytea")) {
            return "BLOB";
        }
        String base = formatType.replaceAll("\\(.*?\\)", "").trim();
        String mapped = SCALARS.get(base);
        if (mapped == null && typname != null) {
            mapped = SCALARS.get(typname);
            if (typname.equals("json") || typname.equals("jsonb")) {
                mapped = "JSON";
            }
        }
        return mapped != null ? mapped : "VARCHAR";
    }

    /** The expression that writes a column into the CSV stream. */
    static String selectExpression(SourceColumn column) {
        String quoted = PostgresSource.quote(column.name());
        if (column.cacheType().equals("INTERVAL")) {
            return intervalText(quoted);
        }
        if (column.encoding() == Encoding.TEXT
                && List.of("DATE", "TIMESTAMP", "TIMESTAMPTZ").contains(column.cacheType())) {
            return eraText(quoted);
        }
        return switch (column.encoding()) {
            case TEXT -> column.cacheType().equals("VARCHAR") ? quoted + "::text" : quoted;
            case JSON -> "to_json(" + quoted + ")";
            case HEX -> "encode(" + quoted + ", 'hex')";
        };
    }

    /**
     * An interval as {@code "<months> months <days> days <micros> microseconds"}: Postgres keeps
     * the three fields apart, each with its own sign, and its text for mixed signs ({@code -1 days
     * +02:03:04.5}) is one DuckDB cannot parse. NULL stays NULL (|| with NULL is NULL).
     */
    private static String intervalText(String quoted) {
        return "(extract(year from "
                + quoted
                + ") * 12 + extract(month from "
                + quoted
                + "))::text || ' months ' || extract(day from "
                + quoted
                + ")::text || ' days ' || (extract(hour from "
                + quoted
                + ") * 3600000000 + extract(minute from "
                + quoted
                + ") * 60000000 + extract(microseconds from "
                + quoted
                + "))::bigint::text || ' microseconds'";
    }

    /**
     * A date or timestamp whose year before 1 is written the way DuckDB reads it: Postgres ends it
     * with {@code BC}, which DuckDB's CSV reader ignores for dates and timestamps (the same day AD,
     * silently) and refuses for timestamptz; {@code 0044-03-15 (BC) 10:00:00} it reads right. The
     * other rows pay one comparison.
     */
    private static String eraText(String quoted) {
        return "CASE WHEN "
                + quoted
                + " < '0001-01-01' THEN regexp_replace("
                + quoted
                + "::text, '^(\\S+)(.*) BC$', '\\1 (BC)\\2') ELSE "
                + quoted
                + "::text END";
    }
}
