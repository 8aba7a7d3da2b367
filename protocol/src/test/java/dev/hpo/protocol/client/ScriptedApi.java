package dev.hpo.protocol.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server that answers each request with the next answer it was given (the last one again once they
 * run out) and records what it was sent: the far side of the client's tests, where the service itself cannot run.
 */
final class ScriptedApi implements AutoCloseable {

    /** What the server received. */
    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private Answer last = new Answer(200, "application/json", "{}");

    ScriptedApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized ScriptedApi answer(int status, String json) {
        return answer(status, status >= 400 ? "application/problem+json" : "application/json", json);
    }

    synchronized ScriptedApi answer(int status, String contentType, String body) {
        answers.add(new Answer(status, contentType, body));
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                String query = exchange.getRequestURI().getRawQuery();
                received.add(new Received(exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query),
                        Map.copyOf(exchange.getRequestHeaders()), body));
                if (!answers.isEmpty()) {
                    last = answers.removeFirst();
                }
                answer = last;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
