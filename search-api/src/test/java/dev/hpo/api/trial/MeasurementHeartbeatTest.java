package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A measurement counts as a heartbeat, written only when the last one is older than a tenth of the timeout. */
@ApiTest
class MeasurementHeartbeatTest {

    @LocalServerPort
    int port;

    private String lastHeartbeat(HttpApi api, long trial) {
        return api.get("/api/trials/" + trial).json().get("lastHeartbeatAt").asText();
    }

    @Test
    void measurementsWellWithinTheTimeoutLeaveTheHeartbeatAsItWas() {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(Specs.spec("quiet-" + System.nanoTime(), 5, 5, 1,
                "\"heartbeatTimeout\": \"10m\"", ""));
        long trial = api.suggest(study, "w", 1).at("/trials/0/id").asLong();
        String claimed = lastHeartbeat(api, trial);

        for (int step = 1; step <= 3; step++) {
            api.post("/api/trials/" + trial + "/measurements",
                    "{\"step\": " + step + ", \"elapsedSeconds\": 1, \"metrics\": {\"loss\": 0.5}, \"workerId\": \"w\"}");
        }

        assertThat(lastHeartbeat(api, trial)).isEqualTo(claimed);
        assertThat(api.get("/api/trials/" + trial).json().get("measurements")).hasSize(3);
    }

    @Test
    void aMeasurementAfterATenthOfTheTimeoutIsAHeartbeat() throws Exception {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(Specs.spec("beating-" + System.nanoTime(), 5, 5, 1,
                "\"heartbeatTimeout\": \"300ms\"", ""));
        long trial = api.suggest(study, "w", 1).at("/trials/0/id").asLong();
        String claimed = lastHeartbeat(api, trial);
        Thread.sleep(100);

        api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 1, \"metrics\": {\"loss\": 0.5}, \"workerId\": \"w\"}");

        assertThat(lastHeartbeat(api, trial)).isGreaterThan(claimed);
    }
}
