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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A TEST SERVER standing in for BigQuery's REST API (BigQuery cannot be reached from here): it
 * answers the calls the official client makes to read one table (tables.get, tables.list,
 * tabledata.list with several pages) from a DuckDB table, in BigQuery's JSON wire format. Request
 * bodies arrive gzip-compressed and are inflated.
 */
final class BigQueryTestServer implements AutoCloseable {
    static final int PAGE = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The BigQuery schema of the served table, and the DuckDB query giving each row's values. */
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

    private final HttpServer server;
    private final List<ObjectNode> rows = new ArrayList<>();
    final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    BigQueryTestServer() throws Exception {
        try (Connection duck = DuckDb.open(null, DuckDb.Limits.STATE);
                Statement statement = duck.createStatement();
                ResultSet rs =
                        statement.executeQuery(
                                """
                                SELECT i::VARCHAR, CASE WHEN i = 2 THEN NULL WHEN i = 3 THEN '' ELSE 'name ' || i END,
                                       (i * 1.5)::DECIMAL(38,9)::VARCHAR, '1e40', (i % 2 = 0)::VARCHAR,
                                       (DATE '2026-11-01' + i::INTEGER)::VARCHAR,
                                       strftime(TIMESTAMP '2026-11-20 10:00:00' + i::INTEGER * INTERVAL 1 HOUR, '%Y-%m-%dT%H:%M:%S'),
                                       epoch(TIMESTAMPTZ '2026-11-20 10:00:00+00')::VARCHAR, '08:30:00',
                                       to_base64('\\x01\\x02\\x03'::BLOB),
                                       to_json(['a', 'b' || i]), to_json({'city': 'Lyon', 'n': i::VARCHAR})
                                FROM range(1, 8) r(i) ORDER BY i
                                """)) {
            while (rs.next()) {
                ArrayNode f = JSON.createArrayNode();
                for (int c = 1; c <= 10; c++) {
                    f.addObject().put("v", rs.getString(c));
                }
                ArrayNode tags = JSON.createArrayNode();
                for (JsonNode tag : JSON.readTree(rs.getString(11))) {
                    tags.addObject().put("v", tag.asText());
                }
                f.addObject().set("v", tags);
                JsonNode info = JSON.readTree(rs.getString(12));
                ObjectNode record = JSON.createObjectNode();
                ArrayNode recordFields = record.putArray("f");
                recordFields.addObject().put("v", info.get("city").asText());
                recordFields.addObject().put("v", info.get("n").asText());
                f.addObject().set("v", record);
                ObjectNode row = JSON.createObjectNode();
                row.set("f", f);
                rows.add(row);
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int rowCount() {
        return rows.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip"
                    .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            body.readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            requests.add(exchange.getRequestMethod() + " " + path + "?" + query);
            String[] parts = path.split("/");
            // /bigquery/v2/projects/{p}/datasets/{d}/tables[/{t}[/data]]
            ObjectNode answer = JSON.createObjectNode();
            int status = 200;
            if (parts.length == 8 && parts[7].equals("tables")) {
                answer.put("kind", "bigquery#tableList");
                ArrayNode tables = answer.putArray("tables");
                ObjectNode table = tables.addObject();
                table.put("id", parts[4] + ":" + parts[6] + ".orders");
                table.putObject("tableReference")
                        .put("projectId", parts[4])
                        .put("datasetId", parts[6])
                        .put("tableId", "orders");
                table.put("type", "TABLE");
            } else if (parts.length == 9 && !parts[8].equals("orders")) {
                status = 404;
                answer.putObject("error")
                        .put("code", 404)
                        .put("message", "Not found: Table " + parts[8])
                        .put("status", "NOT_FOUND");
            } else if (parts.length == 9) {
                answer.put("kind", "bigquery#table");
                answer.put("id", parts[4] + ":" + parts[6] + ".orders");
                answer.putObject("tableReference")
                        .put("projectId", parts[4])
                        .put("datasetId", parts[6])
                        .put("tableId", "orders");
                answer.put("type", "TABLE");
                answer.put("numRows", Integer.toString(rows.size()));
                answer.putObject("schema").set("fields", JSON.readTree(SCHEMA));
            } else if (parts.length == 10 && parts[9].equals("data")) {
                int from = 0;
                for (String param : query.split("&")) {
                    if (param.startsWith("pageToken=")) {
                        from = Integer.parseInt(param.substring("pageToken=".length()));
                    }
                }
                int to = Math.min(rows.size(), from + PAGE);
                answer.put("kind", "bigquery#tableDataList");
                answer.put("totalRows", Integer.toString(rows.size()));
                ArrayNode page = answer.putArray("rows");
                rows.subList(from, to).forEach(page::add);
                if (to < rows.size()) {
                    answer.put("pageToken", Integer.toString(to));
                }
            } else {
                status = 404;
                answer.putObject("error").put("code", 404).put("message", "no such call: " + path);
            }
            byte[] out = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
