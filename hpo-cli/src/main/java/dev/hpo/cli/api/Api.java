package dev.hpo.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API over HTTP, for commands a person waits on: one attempt per request, and every failure turned into a
 * {@link CliException} that says what went wrong in the user's terms.
 */
public final class Api {

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public Api(URI base, Optional<String> token) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
    }

    public URI base() {
        return base;
    }

    public ObjectMapper json() {
        return json;
    }

    public JsonNode get(String path) {
        return parse(send(request(path).GET().build()));
    }

    /** The body as text, e.g. CSV. */
    public String getText(String path) {
        return send(request(path).GET().build());
    }

    public JsonNode post(String path, String body) {
        return parse(send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()));
    }

    public JsonNode post(String path) {
        return parse(send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    /** Whether the API answers its health check, without raising anything. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("actuator/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, text/csv");
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        return builder;
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException(CliException.UNREACHABLE, "cannot reach the API at " + base
                    + ": is it running? Start one with './hpo server' or './hpo up', or point --api / HPO_API_URL"
                    + " at it.");
        } catch (HttpTimeoutException e) {
            throw new CliException(CliException.UNREACHABLE, "the API at " + base + " did not answer in time");
        } catch (IOException e) {
            throw new CliException(CliException.UNREACHABLE, "lost the connection to the API at " + base + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNREACHABLE, "interrupted");
        }
        int status = response.statusCode();
        if (status < 300) {
            return response.body();
        }
        throw refusal(request, status, response.body());
    }

    private CliException refusal(HttpRequest request, int status, String body) {
        JsonNode problem = null;
        try {
            problem = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            // Not a problem document: the status says enough.
        }
        String detail = problem == null ? "" : problem.path("detail").asText(problem.path("title").asText(""));
        List<String> lines = new ArrayList<>();
        switch (status) {
            case 401, 403 -> lines.add("the API at " + base + " refused the token (HTTP " + status + "): pass the"
                    + " right one with --token or HPO_API_TOKEN");
            case 404 -> lines.add(detail.isBlank() ? "not found: " + request.uri().getPath() : detail);
            default -> lines.add((detail.isBlank() ? "the API refused the request" : detail) + " (HTTP " + status
                    + ")");
        }
        if (problem != null) {
            for (JsonNode error : problem.path("errors")) {
                lines.add("  " + error.path("path").asText("?") + ": " + error.path("message").asText());
            }
        }
        return new CliException(status >= 500 ? CliException.UNREACHABLE : CliException.REFUSED,
                String.join(System.lineSeparator(), lines));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            throw new CliException(CliException.UNREACHABLE, "the API at " + base + " answered with something"
                    + " that is not JSON; is --api pointing at an hpo server?");
        }
    }
}
