package dev.hpo.api.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchClientTest {

    private HttpServer server;
    private BenchClient client;
    /** The client's port of every request the server answered: one per connection the client opened. */
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slow-end", this::answerWithALateLastChunk);
        server.createContext("/missing", exchange -> answer(exchange, 404, "{\"title\": \"Not Found\"}"));
        server.start();
        client = new BenchClient("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aClientKeepsItsConnectionWhenTheLastChunkOfAnAnswerComesLate() throws IOException {
        for (int i = 0; i < 4; i++) {
            assertThat(client.post("/slow-end", "{\"n\": " + i + "}").get("n").asInt()).isEqualTo(i);
        }

        assertThat(bodies).containsExactly("{\"n\": 0}", "{\"n\": 1}", "{\"n\": 2}", "{\"n\": 3}");
        assertThat(clientPorts).as("one connection for all four requests").hasSize(4).containsOnly(clientPorts.get(0));
    }

    @Test
    void anErrorAnswerFailsTheRequestWithTheStatusAndTheBody() {
        assertThatThrownBy(() -> client.get("/missing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET")
                .hasMessageContaining("/missing")
                .hasMessageContaining("404")
                .hasMessageContaining("Not Found");
    }

    /**
     * Echoes the request's body in a chunked answer, and sends the empty chunk that ends it only after a pause, as
     * a busy service may: the JSON value is complete well before the answer is.
     */
    private void answerWithALateLastChunk(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        bodies.add(body);
        clientPorts.add(exchange.getRemoteAddress().getPort());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(body.getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
