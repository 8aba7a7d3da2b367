package dev.hpo.runner.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worker side of the API's worker protocol, over plain HTTP. Requests that fail because the API is down or
 * overloaded are repeated according to a {@link Retry}; every protocol call is safe to repeat (a repeated
 * suggestion returns the trial already held, a repeated completion is harmless).
 */
public final class ApiClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final Optional<String> token;
    private final Retry retry;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base the API's address, e.g. {@code http://127.0.0.1:8080}
     * @param token bearer token sent with every request, when present
     */
    public ApiClient(URI base, Optional<String> token, Retry retry) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token.filter(t -> !t.isBlank());
        this.retry = retry;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI base() {
        return base;
    }

    /** Asks a study for up to {@code count} trials to run on behalf of {@code workerId}. */
    public Suggestions suggest(String studyId, String workerId, int count) {
        ObjectNode body = json.createObjectNode().put("workerId", workerId).put("count", count);
        JsonNode answer = post("api/studies/" + studyId + "/suggestions", body);
        List<SuggestedTrial> trials = new ArrayList<>();
        if (answer.get("trials") instanceof ArrayNode array) {
            for (JsonNode trial : array) {
                if (trial instanceof ObjectNode object) {
                    trials.add(SuggestedTrial.of(object, studyId));
                }
            }
        }
        return new Suggestions(trials, answer.path("studyDone").asBoolean(false));
    }

    /** Reports a measurement; returns whether the trial should stop. */
    public boolean measure(String trialId, String workerId, MeasurementReport measurement) {
        ObjectNode body = json.createObjectNode()
                .put("step", measurement.step())
                .put("elapsedSeconds", measurement.elapsedSeconds())
                .put("workerId", workerId);
        ObjectNode metrics = body.putObject("metrics");
        measurement.metrics().forEach(metrics::put);
        return post("api/trials/" + trialId + "/measurements", body).path("shouldStop").asBoolean(false);
    }

    /** Tells the API the trial is still being worked on; returns whether it should stop. */
    public boolean heartbeat(String trialId, String workerId) {
        return post("api/trials/" + trialId + "/heartbeat", json.createObjectNode().put("workerId", workerId))
                .path("shouldStop").asBoolean(false);
    }

    /** Completes a trial with its final metrics. */
    public JsonNode complete(String trialId, String workerId, Map<String, Double> metrics) {
        ObjectNode body = json.createObjectNode().put("workerId", workerId);
        ObjectNode values = body.putObject("metrics");
        metrics.forEach(values::put);
        return post("api/trials/" + trialId + "/complete", body);
    }

    /** Ends a trial as failed with the reason. */
    public JsonNode fail(String trialId, String workerId, String reason) {
        ObjectNode body = json.createObjectNode().put("failed", true).put("reason", reason).put("workerId", workerId);
        return post("api/trials/" + trialId + "/complete", body);
    }

    /** Gives a trial back to its study so another worker can run it. */
    public JsonNode release(String trialId, String workerId) {
        return post("api/trials/" + trialId + "/release", json.createObjectNode().put("workerId", workerId));
    }

    /** The ids of the studies currently accepting work, oldest first as the API lists them. */
    public List<String> runningStudies() {
        JsonNode answer = get("api/studies");
        JsonNode list = answer.isArray() ? answer : answer.path("items");
        List<String> ids = new ArrayList<>();
        for (JsonNode study : list) {
            if ("RUNNING".equals(study.path("state").asText()) && study.hasNonNull("id")) {
                ids.add(study.get("id").asText());
            }
        }
        return ids;
    }

    public JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    public JsonNode post(String path, JsonNode body) {
        try {
            return send(request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request body", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private JsonNode send(HttpRequest request) {
        Duration wait = retry.first();
        while (true) {
            RuntimeException failure;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
                }
                String problem = Problems.describe(json, status, response.body());
                if (status < 500 && status != 429 && status != 408) {
                    throw new ApiException(status, problem);
                }
                failure = new ApiUnreachableException(request.method() + " " + request.uri() + ": " + problem, null);
            } catch (ConnectException | HttpTimeoutException e) {
                failure = new ApiUnreachableException("cannot reach the API at " + base + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
            } catch (IOException e) {
                failure = new ApiUnreachableException("lost the connection to the API at " + base + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiUnreachableException("interrupted while talking to the API at " + base, e);
            }
            if (!retry.keepTrying().getAsBoolean()) {
                throw failure;
            }
            sleep(wait);
            wait = retry.after(wait);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnreachableException("interrupted while waiting for the API", e);
        }
    }
}
