package dev.hpo.runner.worker;

import dev.hpo.protocol.ArtifactView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker protocol's server side over real HTTP, reduced to what the worker's tests look at: it hands out the
 * trials it is given, records every request in order, and can answer {@code shouldStop} or be briefly unavailable.
 */
final class RecordingApi implements AutoCloseable {

    /**
     * @param raw the body as sent: a file for an upload
     * @param checksum the upload's checksum header, or null
     */
    record Request(String method, String path, JsonNode body, byte[] raw, String checksum) {
    }

    /** The study every offered trial belongs to. */
    static final long STUDY = 1;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Deque<ObjectNode> waiting = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final AtomicBoolean shouldStop = new AtomicBoolean();
    private final AtomicInteger unavailableFor = new AtomicInteger();

    RecordingApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues a trial with this id, time cap (and a 3 s heartbeat timeout) for study {@value #STUDY}. */
    ObjectNode offer(long id, double timeCapSeconds) {
        ObjectNode trial = json.createObjectNode().put("id", id).put("studyId", STUDY).put("number", id)
                .put("configKey", id).put("repeat", 0).put("attempt", 1).put("seed", 7)
                .put("timeCapSeconds", timeCapSeconds).put("heartbeatTimeoutSeconds", 3.0);
        trial.putObject("parameters").put("width", 0.5);
        synchronized (this) {
            waiting.add(trial);
        }
        return trial;
    }

    void answerShouldStop(boolean stop) {
        shouldStop.set(stop);
    }

    /** The next {@code n} requests get a 503. */
    void unavailableFor(int n) {
        unavailableFor.set(n);
    }

    /** How many of the requests {@link #unavailableFor} refuses are still to come. */
    int stillUnavailable() {
        return unavailableFor.get();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> requestsTo(String pathEnd) {
        return requests.stream().filter(r -> r.path().endsWith(pathEnd)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (unavailableFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 503, json.createObjectNode().put("title", "Service Unavailable"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            boolean upload = path.contains("/artifacts/");
            JsonNode body = raw.length == 0 || upload ? json.createObjectNode() : json.readTree(raw);
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), path, body, raw,
                        exchange.getRequestHeaders().getFirst(ArtifactView.CHECKSUM_HEADER)));
            }
            if (upload) {
                reply(exchange, 200, json.createObjectNode().put("trialId", 1).put("name", "uploaded")
                        .put("sizeBytes", raw.length).put("available", true));
                return;
            }
            if (path.endsWith("/suggestions")) {
                ObjectNode answer = json.createObjectNode();
                ArrayNode trials = answer.putArray("trials");
                synchronized (this) {
                    if (!waiting.isEmpty()) {
                        trials.add(waiting.removeFirst());
                    }
                    answer.put("studyDone", trials.isEmpty());
                }
                reply(exchange, 200, answer);
            } else {
                reply(exchange, 200, json.createObjectNode().put("shouldStop", shouldStop.get()));
            }
        }
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
