package dev.hpo.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hpo.protocol.client.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocketTransportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private SocketTransport client;
    /** The client's port of every request the server answered: one per connection the client opened. */
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/slow-end", this::answerWithALateLastChunk);
        server.createContext("/missing", exchange -> answer(exchange, 404, "{\"title\": \"Not Found\"}"));
        server.createContext("/echo", this::echoWithALength);
        server.createContext("/closing", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 200, "{\"closing\": true}");
        });
        server.start();
        client = new SocketTransport("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() throws IOException {
        client.close();
        server.stop(0);
    }

    @Test
    void aTransportKeepsItsConnectionWhenTheLastChunkOfAnAnswerComesLate() throws IOException {
        for (int i = 0; i < 4; i++) {
            assertThat(post(client, "slow-end", "{\"n\": " + i + "}").get("n").asInt()).isEqualTo(i);
        }

        assertThat(bodies).containsExactly("{\"n\": 0}", "{\"n\": 1}", "{\"n\": 2}", "{\"n\": 3}");
        assertThat(clientPorts).as("one connection for all four requests").hasSize(4).containsOnly(clientPorts.get(0));
    }

    @Test
    void aBodyIsSentWithItsLengthInBytesAndAnAnswerOfAGivenLengthIsReadWhole() throws IOException {
        String json = "{\"name\": \"caf\u00e9 \u2013 r\u00e9sum\u00e9\", \"padding\": \"" + "x".repeat(20_000) + "\"}";

        JsonNode answer = post(client, "echo", json);

        assertThat(bodies).containsExactly(json);
        assertThat(answer.get("name").asText()).isEqualTo("caf\u00e9 \u2013 r\u00e9sum\u00e9");
        assertThat(answer.get("padding").asText()).hasSize(20_000);
        assertThat(client.send(get("echo")).body()).as("an empty answer").isEmpty();
        assertThat(clientPorts).containsOnly(clientPorts.get(0));
    }

    @Test
    void anAnswerThatClosesTheConnectionIsReadAndTheNextRequestOpensANewOne() throws IOException {
        assertThat(json(client.send(get("closing"))).get("closing").asBoolean()).isTrue();
        assertThat(json(client.send(get("closing"))).get("closing").asBoolean()).isTrue();

        assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void anotherTransportHasAConnectionOfItsOwn() throws IOException {
        try (SocketTransport other = client.another()) {
            post(client, "echo", "{\"n\": 1}");
            post(other, "echo", "{\"n\": 2}");
            post(client, "echo", "{\"n\": 3}");
        }

        assertThat(clientPorts).hasSize(3).containsOnlyOnce(clientPorts.get(1));
        assertThat(clientPorts.get(2)).isEqualTo(clientPorts.get(0));
    }

    @Test
    void anErrorAnswerComesBackWithItsStatusContentTypeAndBodyForTheClientToJudge() throws IOException {
        Transport.Response answer = client.send(get("missing"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("content-type")).contains("application/problem+json");
        assertThat(answer.text()).contains("Not Found");
    }

    private static JsonNode post(SocketTransport transport, String path, String json) throws IOException {
        return json(transport.send(new Transport.Request("POST", path, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8))));
    }

    private static Transport.Request get(String path) {
        return new Transport.Request("GET", path, Map.of("Accept", "application/json"), null);
    }

    private static JsonNode json(Transport.Response answer) throws IOException {
        assertThat(answer.status()).isEqualTo(200);
        return JSON.readTree(answer.body());
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

    /** Echoes the request's body in an answer with a {@code Content-Length}, or answers GET with no body at all. */
    private void echoWithALength(HttpExchange exchange) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("GET")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        bodies.add(new String(body, StandardCharsets.UTF_8));
        answer(exchange, 200, new String(body, StandardCharsets.UTF_8));
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
