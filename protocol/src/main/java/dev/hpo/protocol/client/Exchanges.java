package dev.hpo.protocol.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.hpo.protocol.Problem;
import dev.hpo.protocol.ProtocolJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The requests of one {@link ApiClient}: headers, the retry loop, and the judging of answers. An answer is a
 * success (2xx), a refusal that is thrown at once, or an unavailable API that is retried, as is an API that could
 * not be reached.
 */
final class Exchanges {

    private static final String JSON_ANSWERS = "application/json, application/problem+json";

    private final Transport transport;
    private final Optional<String> token;
    private final Retry retry;

    Exchanges(Transport transport, Optional<String> token, Retry retry) {
        this.transport = transport;
        this.token = token;
        this.retry = retry;
    }

    Transport transport() {
        return transport;
    }

    Optional<String> token() {
        return token;
    }

    <T> T get(String path, JavaType answer) {
        return decode(path, "GET", retried(request("GET", path, null, JSON_ANSWERS)), answer);
    }

    /** @param body JSON, or null for a request without a body */
    <T> T post(String path, byte[] body, JavaType answer) {
        return decode(path, "POST", retried(request("POST", path, body, JSON_ANSWERS)), answer);
    }

    /** A JSON answer as the API wrote it, for a document the caller keeps as it is. */
    String verbatim(String path) {
        return retried(request("GET", path, null, JSON_ANSWERS)).text();
    }

    String text(String path) {
        return retried(request("GET", path, null, "text/csv, " + JSON_ANSWERS)).text();
    }

    /**
     * Posts a file as the body, streamed, retried as any request.
     *
     * @param headers sent besides the token's, e.g. the file's checksum
     */
    <T> T postFile(String path, Path file, Map<String, String> headers, JavaType answer) {
        Transport.Request request = request("POST", path, null, JSON_ANSWERS);
        Map<String, String> all = new LinkedHashMap<>(request.headers());
        all.put("Content-Type", "application/octet-stream");
        all.putAll(headers);
        Transport.Request withHeaders = new Transport.Request("POST", path, all, null);
        return decode(path, "POST", retried(withHeaders, r -> transport.sendFile(r, file)), answer);
    }

    /** Gets a file into {@code target}, streamed; returns the answer's headers, its body left empty. */
    Transport.Response download(String path, Path target) {
        return retried(request("GET", path, null, "application/octet-stream, " + JSON_ANSWERS),
                r -> transport.receiveFile(r, target));
    }

    /** One attempt, any status: the answer as it came. */
    Transport.Response once(String method, String path, byte[] body) {
        Transport.Request request = request(method, path, body, JSON_ANSWERS);
        try {
            return transport.send(request);
        } catch (IOException e) {
            throw unanswered(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(request, e);
        }
    }

    private Transport.Request request(String method, String path, byte[] body, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        return new Transport.Request(method, path, headers, body);
    }

    /** One way of sending a request. */
    private interface Sending {
        Transport.Response send(Transport.Request request) throws IOException, InterruptedException;
    }

    private Transport.Response retried(Transport.Request request) {
        return retried(request, transport::send);
    }

    /** Sends until the API answers with a success or a refusal, or the retry gives up. */
    private Transport.Response retried(Transport.Request request, Sending sending) {
        Duration wait = retry.first();
        while (true) {
            ApiException failure;
            try {
                Transport.Response response = sending.send(request);
                if (response.successful()) {
                    return response;
                }
                failure = ApiException.answered(transport.base(), name(request), response.status(),
                        problem(response).orElse(null));
            } catch (IOException e) {
                failure = unanswered(request, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(request, e);
            }
            if (!failure.failure().retryable() || !retry.keepTrying().getAsBoolean()) {
                throw failure;
            }
            pause(request, wait);
            wait = retry.after(wait);
        }
    }

    private <T> T decode(String path, String method, Transport.Response response, JavaType answer) {
        try {
            return ProtocolJson.read(response.body(), answer);
        } catch (IOException e) {
            throw ApiException.unanswered(ApiException.Failure.UNREADABLE, transport.base(), method + " " + path,
                    "the API at " + transport.base() + " answered " + method + " " + path + " with something that is"
                            + " not a " + answer.getRawClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Optional<Problem> problem(Transport.Response response) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(ProtocolJson.read(response.body(), Problem.class));
        } catch (IOException | RuntimeException notAProblemDetail) {
            // A proxy's error page, or a problem without the fields a client needs: the status says enough.
            return Optional.empty();
        }
    }

    private ApiException unanswered(Transport.Request request, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ConnectException) {
            return ApiException.unanswered(ApiException.Failure.UNREACHABLE, transport.base(), name(request),
                    "cannot reach the API at " + transport.base() + " (" + why + ")", e);
        }
        if (e instanceof SocketTimeoutException) {
            return ApiException.unanswered(ApiException.Failure.TIMED_OUT, transport.base(), name(request),
                    "the API at " + transport.base() + " did not answer in time (" + why + ")", e);
        }
        return ApiException.unanswered(ApiException.Failure.CONNECTION_LOST, transport.base(), name(request),
                "lost the connection to the API at " + transport.base() + ": " + why, e);
    }

    private ApiException interrupted(Transport.Request request, InterruptedException e) {
        return ApiException.unanswered(ApiException.Failure.INTERRUPTED, transport.base(), name(request),
                "interrupted while talking to the API at " + transport.base(), e);
    }

    private void pause(Transport.Request request, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(request, e);
        }
    }

    private static String name(Transport.Request request) {
        return request.method() + " " + request.path();
    }
}
