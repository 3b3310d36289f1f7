package io.rowdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A TEST SERVER standing in for an LLM provider: it speaks just enough of the OpenAI chat
 * completions API ({@code POST /v1/chat/completions}) for langchain4j's real OpenAI client, on
 * 127.0.0.1 and a free port. Tests script its replies, can make it slow, and read the requests it
 * recorded. It is not a model and never leaves the test classpath.
 */
public final class TestLlmServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded request: its Authorization header and JSON body. */
    public record Request(String authorization, JsonNode body) {
        /** The messages' contents in order (system, user, assistant, user, ...). */
        public List<String> contents() {
            List<String> out = new ArrayList<>();
            body.path("messages").forEach(m -> out.add(m.path("content").asText()));
            return out;
        }

        public List<String> roles() {
            List<String> out = new ArrayList<>();
            body.path("messages").forEach(m -> out.add(m.path("role").asText()));
            return out;
        }

        public String system() {
            return contents().get(0);
        }

        public String lastUser() {
            List<String> contents = contents();
            return contents.get(contents.size() - 1);
        }
    }

    /** What to answer: the assistant's text with 200, or an HTTP error with a raw body. */
    public record Reply(int status, String content) {
        public static Reply content(String text) {
            return new Reply(200, text);
        }

        public static Reply error(int status, String body) {
            return new Reply(status, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> responder =
            r -> Reply.content("{\"error\": \"nothing scripted\"}");
    private volatile Duration delay = Duration.ZERO;

    public TestLlmServer() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL for {@code llm.base_url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answers the n-th request of a round with {@code contents[n]} (the last one repeats). */
    public void answer(String... contents) {
        respond(
                request ->
                        Reply.content(
                                contents[Math.min(requests.size() - 1, contents.length - 1)]));
    }

    public void respond(Function<Request, Reply> responder) {
        this.responder = responder;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Starts a new round: forgets the requests, the script and the delay. */
    public void reset() {
        requests.clear();
        delay = Duration.ZERO;
        responder = r -> Reply.content("{\"error\": \"nothing scripted\"}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Request request =
                    new Request(exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Reply reply = responder.apply(request);
            byte[] bytes =
                    (reply.status() == 200 ? completion(body, reply.content()) : reply.content())
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    private static String completion(JsonNode request, String content) {
        ObjectNode out = JSON.createObjectNode();
        out.put("id", "chatcmpl-test");
        out.put("object", "chat.completion");
        out.put("created", 1_790_000_000L);
        out.put("model", request.path("model").asText("test"));
        ObjectNode choice = out.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        out.putObject("usage")
                .put("prompt_tokens", 1)
                .put("completion_tokens", 1)
                .put("total_tokens", 2);
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
