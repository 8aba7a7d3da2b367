package dev.hpo.protocol.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link ApiClient} moves one request to the API and its answer back. The JDK's HTTP client is the usual one
 * ({@link JdkHttpTransport}); a benchmark that must not spend the service's cores on its clients can bring a leaner
 * one. A transport knows nothing of the protocol: the client adds the token, encodes the body, and judges the
 * answer.
 */
public interface Transport {

    /** The API's address, e.g. {@code http://127.0.0.1:8080/}, which paths are relative to and messages name. */
    URI base();

    /**
     * Sends one request and waits for its whole answer, whatever its status.
     *
     * @throws java.net.ConnectException when no connection could be made (refused, timed out, no route)
     * @throws java.net.SocketTimeoutException when the connection was made but no answer came in time
     * @throws IOException when the connection broke during the exchange
     */
    Response send(Request request) throws IOException, InterruptedException;

    /**
     * Sends one request whose body is a file, read as it goes out rather than into memory. This default reads the
     * whole file first; a transport that can stream overrides it.
     *
     * @param request the request, without a body of its own
     */
    default Response sendFile(Request request, Path body) throws IOException, InterruptedException {
        return send(new Request(request.method(), request.path(), request.headers(), Files.readAllBytes(body)));
    }

    /**
     * Sends one request and writes a successful answer's body to {@code target} as it arrives, replacing the file;
     * any other answer is returned whole and leaves {@code target} as it was. The returned body of a success is
     * empty. This default holds the body in memory first; a transport that can stream overrides it.
     */
    default Response receiveFile(Request request, Path target) throws IOException, InterruptedException {
        Response response = send(request);
        if (!response.successful()) {
            return response;
        }
        Files.write(target, response.body());
        return new Response(response.status(), response.headers(), new byte[0]);
    }

    /**
     * @param method {@code GET} or {@code POST}
     * @param path relative to {@link #base()}, without a leading slash, with its query: {@code api/studies/3/trials?page=1}
     * @param headers to send as they are
     * @param body the bytes to send, or null for none
     */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {

        public Request {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * @param headers by name as the API wrote them, each with its values
     * @param body the whole body, empty when there was none
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public Response {
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }

        /** The first value of a header, its name in any case. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst();
        }

        /** The body as UTF-8 text. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean successful() {
            return status >= 200 && status < 300;
        }
    }
}
