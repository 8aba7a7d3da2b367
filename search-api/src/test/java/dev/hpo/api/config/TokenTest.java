package dev.hpo.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hpo-token-test;DB_CLOSE_DELAY=-1",
        "hpo.api.token=first-secret, second-secret",
        "hpo.api.reaper-interval=1h"})
class TokenTest {

    @LocalServerPort
    int port;

    @Test
    void writesNeedAnAcceptedBearerToken() {
        HttpApi anonymous = new HttpApi(port);
        HttpApi wrong = anonymous.withToken("guess");
        HttpApi first = anonymous.withToken("first-secret");
        HttpApi second = anonymous.withToken("second-secret");

        HttpApi.Reply refused = anonymous.post("/api/studies", Specs.minimizeLoss("secured", 5, 1));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(wrong.post("/api/studies", Specs.minimizeLoss("secured", 5, 1)).status()).isEqualTo(401);

        long study = first.createStudy(Specs.minimizeLoss("secured", 5, 1));

        assertThat(anonymous.post("/api/studies/" + study + "/suggestions", "{\"workerId\": \"w\"}").status())
                .isEqualTo(401);
        long trial = second.suggest(study, "w", 1).at("/trials/0/id").asLong();
        assertThat(anonymous.post("/api/trials/" + trial + "/heartbeat", "{}").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/trials/" + trial + "/complete", "{\"metrics\": {\"loss\": 1}}").status())
                .isEqualTo(401);
        assertThat(anonymous.post("/api/studies/" + study + "/stop", null).status()).isEqualTo(401);
        assertThat(second.complete(trial, "{\"loss\": 1}").status()).isEqualTo(200);
    }

    @Test
    void readsStayOpen() {
        HttpApi anonymous = new HttpApi(port);

        assertThat(anonymous.get("/api/studies").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }
}
