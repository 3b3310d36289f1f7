package io.rowdesk.source.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rowdesk.duck.DuckDb;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A TEST SERVER standing in for BigQuery's REST API (BigQuery cannot be reached from here): it
 * answers the calls the official client makes to read a table (tables.get, tables.list,
 * tabledata.list with several pages) and to run queries (a dry run through jobs.insert for a
 * query's schema; jobs.query, jobs.getQueryResults and jobs.get with several pages), in BigQuery's
 * JSON wire format, from a DuckDB table. Queries are the few shapes Rowdesk sends, turned into
 * DuckDB SQL by plain text replacement (backticked names, {@code @since}, {@code IN
 * UNNEST(@keys)}): enough for a test, not a SQL dialect. Request bodies arrive gzip-compressed.
 */
final class BigQueryTestServer implements AutoCloseable {
    static final int PAGE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The BigQuery schema of the served table. */
    static final String SCHEMA =
            """
            [{"name": "id", "type": "INTEGER", "mode": "REQUIRED"},
             {"name": "name", "type": "STRING"},
             {"name": "amount", "type": "NUMERIC"},
             {"name": "big", "type": "BIGNUMERIC"},
             {"name": "ok", "type": "BOOLEAN"},
             {"name": "day", "type": "DATE"},
             {"name": "at", "type": "DATETIME"},
             {"name": "ts", "type": "TIMESTAMP"},
             {"name": "t", "type": "TIME"},
             {"name": "data", "type": "BYTES"},
             {"name": "tags", "type": "STRING", "mode": "REPEATED"},
             {"name": "info", "type": "RECORD", "fields": [
                 {"name": "city", "type": "STRING"}, {"name": "n", "type": "INTEGER"}]}]
            """;

    /**
     * The table: {@code id} and {@code at} typed (so queries can filter on them), the other columns
     * kept as BigQuery's wire text; tags and info as JSON text.
     */
    private static final String ROWS =
            """
            CREATE TABLE orders AS
            SELECT i::BIGINT AS id,
                   CASE WHEN i = 2 THEN NULL WHEN i = 3 THEN '' ELSE 'name ' || i END AS name,
                   (i * 1.5)::DECIMAL(38,9)::VARCHAR AS amount, '1e40' AS big, (i % 2 = 0)::VARCHAR AS ok,
                   (DATE '2026-11-01' + i::INTEGER)::VARCHAR AS day,
                   TIMESTAMP '2026-11-20 10:00:00' + i::INTEGER * INTERVAL 1 HOUR AS at,
                   epoch(TIMESTAMPTZ '2026-11-20 10:00:00+00')::VARCHAR AS ts, '08:30:00' AS t,
                   to_base64('\\x01\\x02\\x03'::BLOB) AS data,
                   to_json(['a', 'b' || i])::VARCHAR AS tags, to_json({'city': 'Lyon', 'n': i::VARCHAR})::VARCHAR AS info
            FROM range(1, 8) r(i)
            """;

    private static final String ANONYMOUS = "_anonymous";
    private static final Pattern PARAMETER = Pattern.compile("@(\\w+)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private final HttpServer server;
    private final Connection duck;
    private final Map<String, List<ObjectNode>> jobRows = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> jobSchemas = new ConcurrentHashMap<>();
    private final AtomicInteger jobIds = new AtomicInteger();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> queries = new CopyOnWriteArrayList<>();

    BigQueryTestServer() throws Exception {
        duck = DuckDb.open(null, DuckDb.Limits.STATE);
        execute(ROWS);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int rowCount() {
        try {
            return tableRows("SELECT * FROM orders ORDER BY id").size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the served table, e.g. to update rows before an incremental sync. */
    synchronized void execute(String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute(sql);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip"
                    .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] bytes = in.readAllBytes();
            JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            String method = exchange.getRequestMethod();
            requests.add(method + " " + path + "?" + query);
            ObjectNode answer = JSON.createObjectNode();
            int status = 200;
            try {
                status = answer(method, path.split("/"), query, body, answer);
            } catch (SQLException e) {
                status = 400;
                answer.removeAll();
                answer.putObject("error")
                        .put("code", 400)
                        .put("message", "Invalid query: " + e.getMessage())
                        .put("status", "INVALID_ARGUMENT");
            }
            byte[] out = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    /** Fills {@code answer} for one call; returns the HTTP status. */
    private int answer(
            String method, String[] parts, String query, JsonNode body, ObjectNode answer)
            throws SQLException, IOException {
        // /bigquery/v2/projects/{p}/datasets/{d}/tables[/{t}[/data]]
        // /bigquery/v2/projects/{p}/jobs[/{id}], /bigquery/v2/projects/{p}/queries[/{id}]
        String project = parts.length > 4 ? parts[4] : "";
        if (parts.length == 6 && parts[5].equals("jobs") && method.equals("POST")) {
            return insertJob(project, body, answer);
        }
        if (parts.length == 6 && parts[5].equals("queries") && method.equals("POST")) {
            String id = runQuery(body.path("query").asText(), body.path("queryParameters"));
            answer.put("kind", "bigquery#queryResponse");
            answer.putObject("jobReference").put("projectId", project).put("jobId", id);
            page(id, 0, maxResults(body.path("maxResults"), query), answer);
            return 200;
        }
        if (parts.length == 7 && parts[5].equals("queries")) {
            answer.put("kind", "bigquery#getQueryResultsResponse");
            answer.putObject("jobReference").put("projectId", project).put("jobId", parts[6]);
            page(parts[6], pageToken(query), maxResults(null, query), answer);
            return 200;
        }
        if (parts.length == 7 && parts[5].equals("jobs")) {
            job(project, parts[6], answer);
            return 200;
        }
        if (parts.length == 8 && parts[7].equals("tables")) {
            answer.put("kind", "bigquery#tableList");
            ObjectNode table = answer.putArray("tables").addObject();
            table.put("id", project + ":" + parts[6] + ".orders");
            table.putObject("tableReference")
                    .put("projectId", project)
                    .put("datasetId", parts[6])
                    .put("tableId", "orders");
            table.put("type", "TABLE");
            return 200;
        }
        if (parts.length == 9 && !parts[8].equals("orders") && !parts[6].equals(ANONYMOUS)) {
            answer.putObject("error")
                    .put("code", 404)
                    .put("message", "Not found: Table " + parts[8])
                    .put("status", "NOT_FOUND");
            return 404;
        }
        if (parts.length == 9) {
            answer.put("kind", "bigquery#table");
            answer.put("id", project + ":" + parts[6] + ".orders");
            answer.putObject("tableReference")
                    .put("projectId", project)
                    .put("datasetId", parts[6])
                    .put("tableId", "orders");
            answer.put("type", "TABLE");
            answer.put("numRows", Integer.toString(rowCount()));
            answer.putObject("schema").set("fields", JSON.readTree(SCHEMA));
            return 200;
        }
        if (parts.length == 10 && parts[9].equals("data")) {
            List<ObjectNode> rows =
                    parts[6].equals(ANONYMOUS)
                            ? jobRows.getOrDefault(parts[8], List.of())
                            : tableRows("SELECT * FROM orders ORDER BY id");
            int from = pageToken(query);
            int to = Math.min(rows.size(), from + PAGE);
            answer.put("kind", "bigquery#tableDataList");
            answer.put("totalRows", Integer.toString(rows.size()));
            ArrayNode page = answer.putArray("rows");
            rows.subList(from, to).forEach(page::add);
            if (to < rows.size()) {
                answer.put("pageToken", Integer.toString(to));
            }
            return 200;
        }
        answer.putObject("error")
                .put("code", 404)
                .put("message", "no such call: " + String.join("/", parts));
        return 404;
    }

    /** jobs.insert: a dry run answers the query's schema; a real query job runs at once. */
    private int insertJob(String project, JsonNode body, ObjectNode answer) throws SQLException {
        JsonNode configuration = body.path("configuration");
        JsonNode queryConfig = configuration.path("query");
        String sql = queryConfig.path("query").asText();
        answer.put("kind", "bigquery#job");
        answer.set("configuration", configuration);
        answer.putObject("status").put("state", "DONE");
        if (configuration.path("dryRun").asBoolean()) {
            JsonNode schema =
                    schema(translate(sql, queryConfig.path("queryParameters")) + " LIMIT 0");
            answer.putObject("jobReference").put("projectId", project);
            answer.putObject("statistics").putObject("query").set("schema", schema);
            return 200;
        }
        String id = runQuery(sql, queryConfig.path("queryParameters"));
        job(project, id, answer);
        return 200;
    }

    private void job(String project, String id, ObjectNode answer) {
        answer.put("kind", "bigquery#job");
        answer.put("id", project + ":" + id);
        answer.putObject("jobReference").put("projectId", project).put("jobId", id);
        answer.putObject("status").put("state", "DONE");
        // Real BigQuery writes results to an anonymous table; the client pages through it.
        answer.putObject("configuration")
                .putObject("query")
                .put("query", "")
                .putObject("destinationTable")
                .put("projectId", project)
                .put("datasetId", ANONYMOUS)
                .put("tableId", id);
        answer.putObject("statistics").putObject("query").set("schema", jobSchemas.get(id));
    }

    private String runQuery(String sql, JsonNode parameters) throws SQLException {
        queries.add(sql);
        String duckSql = translate(sql, parameters);
        String id = "job_" + jobIds.incrementAndGet();
        jobSchemas.put(id, schema(duckSql + " LIMIT 0"));
        jobRows.put(id, tableRows(duckSql));
        return id;
    }

    private void page(String id, int from, int max, ObjectNode answer) {
        List<ObjectNode> rows = jobRows.getOrDefault(id, List.of());
        int to = Math.min(rows.size(), from + Math.min(max, PAGE));
        answer.put("jobComplete", true);
        answer.putObject("schema").set("fields", jobSchemas.get(id).path("fields"));
        answer.put("totalRows", Integer.toString(rows.size()));
        ArrayNode page = answer.putArray("rows");
        rows.subList(from, to).forEach(page::add);
        if (to < rows.size()) {
            answer.put("pageToken", Integer.toString(to));
        }
    }

    private static int pageToken(String query) {
        for (String param : query.split("&")) {
            if (param.startsWith("pageToken=")) {
                return Integer.parseInt(param.substring("pageToken=".length()));
            }
        }
        return 0;
    }

    private static int maxResults(JsonNode body, String query) {
        if (body != null && body.canConvertToInt() && body.asInt() > 0) {
            return body.asInt();
        }
        for (String param : query.split("&")) {
            if (param.startsWith("maxResults=")) {
                return Integer.parseInt(param.substring("maxResults=".length()));
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Rowdesk's BigQuery SQL as DuckDB SQL over the served table, parameters as literals. */
    private static String translate(String sql, JsonNode parameters) {
        Matcher names = BACKTICKED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (names.find()) {
            String name = names.group(1);
            names.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            name.contains(".")
                                    ? name.substring(name.lastIndexOf('.') + 1)
                                    : '"' + name + '"'));
        }
        names.appendTail(out);
        String duck = out.toString();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            JsonNode value = parameter.path("parameterValue");
            String literal;
            if (value.has("arrayValues")) {
                List<String> items = new ArrayList<>();
                value.path("arrayValues")
                        .forEach(v -> items.add(literal(v.path("value").asText())));
                duck =
                        duck.replace(
                                "IN UNNEST(@" + name + ")",
                                "IN (" + String.join(", ", items) + ")");
                continue;
            }
            literal = literal(value.path("value").asText());
            duck = duck.replace("@" + name, literal);
        }
        if (PARAMETER.matcher(duck).find()) {
            throw new IllegalArgumentException("an unbound parameter in " + sql);
        }
        return duck;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The BigQuery schema of a query's columns, taken from the served table's by name. */
    private synchronized JsonNode schema(String duckSql) throws SQLException {
        ObjectNode schema = JSON.createObjectNode();
        ArrayNode fields = schema.putArray("fields");
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(duckSql)) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                fields.add(field(meta.getColumnLabel(c)));
            }
        }
        return schema;
    }

    private static JsonNode field(String name) {
        try {
            for (JsonNode field : JSON.readTree(SCHEMA)) {
                if (field.path("name").asText().equals(name)) {
                    return field;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("no column " + name + " in the served table");
    }

    /** The rows of a DuckDB query over the served table, in BigQuery's wire format. */
    private synchronized List<ObjectNode> tableRows(String duckSql) throws SQLException {
        List<ObjectNode> rows = new ArrayList<>();
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(duckSql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                ArrayNode f = JSON.createArrayNode();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    f.addObject().set("v", wire(meta.getColumnLabel(c), rs, c));
                }
                ObjectNode row = JSON.createObjectNode();
                row.set("f", f);
                rows.add(row);
            }
        }
        return rows;
    }

    private static JsonNode wire(String column, ResultSet rs, int c) throws SQLException {
        String text = rs.getString(c);
        if (text == null) {
            return JSON.nullNode();
        }
        try {
            switch (column) {
                case "at" -> {
                    return JSON.getNodeFactory()
                            .textNode(rs.getObject(c, LocalDateTime.class).format(DATETIME));
                }
                case "tags" -> {
                    ArrayNode tags = JSON.createArrayNode();
                    for (JsonNode tag : JSON.readTree(text)) {
                        tags.addObject().put("v", tag.asText());
                    }
                    return tags;
                }
                case "info" -> {
                    JsonNode info = JSON.readTree(text);
                    ObjectNode record = JSON.createObjectNode();
                    ArrayNode recordFields = record.putArray("f");
                    recordFields.addObject().put("v", info.get("city").asText());
                    recordFields.addObject().put("v", info.get("n").asText());
                    return record;
                }
                default -> {
                    return JSON.getNodeFactory().textNode(text);
                }
            }
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            duck.close();
        } catch (SQLException e) {
            // a test server going away
        }
    }
}
