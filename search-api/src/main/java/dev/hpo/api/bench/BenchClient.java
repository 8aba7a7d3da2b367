package dev.hpo.api.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's requests to the service, with the JDK's blocking {@link HttpURLConnection}: each calling thread
 * keeps one connection alive across its requests, through the JDK's keep-alive cache. Safe for concurrent use.
 */
final class BenchClient {

    /**
     * Reads an answer and leaves its stream open, so that the rest of the body can be read before the stream
     * closes.
     */
    private static final ObjectReader ANSWER = new ObjectMapper().reader()
            .without(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private final String base;

    /** @param base the service's address, such as {@code http://127.0.0.1:8080} */
    BenchClient(String base) {
        this.base = base;
    }

    JsonNode post(String path, String body) throws IOException {
        HttpURLConnection connection = open(path, "POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(bytes);
        }
        return answer(connection);
    }

    JsonNode get(String path) throws IOException {
        return answer(open(path, "GET"));
    }

    /**
     * A request with the headers the project's worker sends: without an {@code Accept} header of its own, the JDK
     * sends one meant for browsers, with quality values the service would parse and rank on every request.
     */
    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Accept", "application/json, application/problem+json");
        return connection;
    }

    /**
     * Parses the body straight from the connection's stream, with Jackson's reused buffers rather than a copy of
     * its own, then reads the stream to its end before closing it. The service's answers are chunked, and the JDK
     * keeps a connection alive only if the last, empty chunk has been read by the time its stream closes. Jackson
     * stops at the end of the JSON value, before that chunk, which often has not arrived yet: without reading on,
     * about one request in seven opened a new connection.
     */
    private static JsonNode answer(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        if (status >= 300) {
            byte[] body;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            throw new IllegalStateException(connection.getRequestMethod() + " " + connection.getURL() + " answered "
                    + status + ": " + new String(body, StandardCharsets.UTF_8));
        }
        try (InputStream in = connection.getInputStream()) {
            JsonNode answer = ANSWER.readTree(in);
            while (in.read() >= 0) {
                // the chunked body's last bytes
            }
            return answer;
        }
    }
}
