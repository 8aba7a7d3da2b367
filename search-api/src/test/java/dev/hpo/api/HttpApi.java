package dev.hpo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP against a running service, as a worker or the CLI would talk to it. */
public final class HttpApi {

    /** A response: status, the raw body and the body parsed as JSON (null when it is not JSON). */
    public record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public HttpApi(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public HttpApi(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    public HttpApi withToken(String token) {
        return new HttpApi(base, token);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, String json) {
        return post(path, json, "application/json");
    }

    public Reply post(String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public Reply send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // CSV and other text bodies
            }
            return new Reply(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a study and returns its id. */
    public long createStudy(String spec) {
        Reply reply = post("/api/studies", spec);
        if (reply.status() != 201) {
            throw new AssertionError("study not created: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asLong();
    }

    public JsonNode suggest(long studyId, String workerId, int count) {
        Reply reply = post("/api/studies/" + studyId + "/suggestions",
                "{\"workerId\": \"" + workerId + "\", \"count\": " + count + "}");
        if (reply.status() != 200) {
            throw new AssertionError("suggestion failed: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    public Reply complete(long trialId, String metricsJson) {
        return post("/api/trials/" + trialId + "/complete", "{\"metrics\": " + metricsJson + "}");
    }
}
