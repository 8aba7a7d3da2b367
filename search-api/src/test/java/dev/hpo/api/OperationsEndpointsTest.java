package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;

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
}
