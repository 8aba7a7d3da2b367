package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void publishesTheOpenApiDocumentAndSwaggerUi() {
        HttpApi api = new HttpApi(port);

        HttpApi.Reply document = api.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("paths").fieldNames()).toIterable().contains(
                "/api/studies", "/api/studies/{id}", "/api/studies/{studyId}/suggestions",
                "/api/trials/{trialId}/measurements", "/api/trials/{trialId}/heartbeat",
                "/api/trials/{trialId}/complete", "/api/studies/{studyId}/trials.csv");
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void reportsHealthAndPrometheusMetrics() {
        HttpApi api = new HttpApi(port);

        assertThat(api.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        HttpApi.Reply metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void keepsAWorkersConnectionOpenPastAHundredRequests() throws IOException {
        int requests = 150;
        String request = "GET /actuator/info HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n";

        String answers;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.repeat(requests).getBytes(StandardCharsets.US_ASCII));
            answers = readAnswers(socket.getInputStream(), requests);
        }

        assertThat(answers.split("HTTP/1.1 200", -1)).as("answers on one connection").hasSize(requests + 1);
        assertThat(answers).doesNotContainIgnoringCase("Connection: close");
    }

    /** Reads until {@code count} answers have begun, or the server closes the connection. */
    private static String readAnswers(InputStream in, int count) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            all.write(buffer, 0, n);
            String text = all.toString(StandardCharsets.US_ASCII);
            if (text.split("HTTP/1.1 ", -1).length > count && text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return all.toString(StandardCharsets.US_ASCII);
    }
}
