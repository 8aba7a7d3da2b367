package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A worker shutting down hands its running trial back with {@code POST /api/trials/{id}/release}. */
@ApiTest
class TrialReleaseTest {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    private HttpApi.Reply release(long trial, String workerId) {
        return api.post("/api/trials/" + trial + "/release", "{\"workerId\": \"" + workerId + "\"}");
    }

    @Test
    void aReleasedTrialGoesToTheNextWorkerWithItsMeasurementsKept() {
        long study = api.createStudy(Specs.minimizeLoss("released", 5, 1));
        long trial = api.suggest(study, "leaving", 1).at("/trials/0/id").asLong();
        api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 3, \"metrics\": {\"loss\": 0.8}, \"workerId\": \"leaving\"}");

        HttpApi.Reply released = release(trial, "leaving");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("state").asText()).isEqualTo("WAITING");
        assertThat(released.json().has("workerId")).isFalse();
        assertThat(released.json().get("attempts").asInt()).isEqualTo(1);
        assertThat(api.post("/api/trials/" + trial + "/heartbeat", "{\"workerId\": \"leaving\"}").json()
                .get("shouldStop").asBoolean()).isTrue();
        JsonNode retaken = api.suggest(study, "next", 1).at("/trials/0");
        assertThat(retaken.get("id").asLong()).isEqualTo(trial);
        assertThat(retaken.get("attempt").asInt()).isEqualTo(2);
        JsonNode stored = api.get("/api/trials/" + trial).json();
        assertThat(stored.get("workerId").asText()).isEqualTo("next");
        assertThat(stored.get("measurements")).hasSize(1);
        assertThat(stored.at("/measurements/0/attempt").asInt()).isEqualTo(1);
    }

    @Test
    void onlyTheHoldingWorkerMayReleaseATrial() {
        long study = api.createStudy(Specs.minimizeLoss("release-holder", 5, 2));
        long trial = api.suggest(study, "holder", 1).at("/trials/0/id").asLong();

        HttpApi.Reply byOther = release(trial, "other");
        HttpApi.Reply unknown = release(999_999_999L, "holder");
        HttpApi.Reply withoutWorker = api.post("/api/trials/" + trial + "/release", "{}");

        assertThat(byOther.status()).isEqualTo(409);
        assertThat(byOther.json().get("detail").asText()).contains("another worker");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(withoutWorker.status()).isEqualTo(400);
        assertThat(withoutWorker.body()).contains("workerId");
        JsonNode stored = api.get("/api/trials/" + trial).json();
        assertThat(stored.get("state").asText()).isEqualTo("RUNNING");
        assertThat(stored.get("workerId").asText()).isEqualTo("holder");
    }

    @Test
    void aReleasedTrialCannotBeReleasedAgainNorAFinishedOne() {
        long study = api.createStudy(Specs.minimizeLoss("release-twice", 5, 2));
        long released = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        assertThat(release(released, "w1").status()).isEqualTo(200);
        long finished = api.suggest(study, "w2", 1).at("/trials/0/id").asLong();
        api.complete(finished, "{\"loss\": 0.3}");

        HttpApi.Reply again = release(released, "w1");
        HttpApi.Reply afterCompletion = release(finished, "w2");

        assertThat(again.status()).isEqualTo(409);
        assertThat(afterCompletion.status()).isEqualTo(409);
        assertThat(afterCompletion.json().get("detail").asText()).contains("already ended COMPLETE");
        assertThat(api.get("/api/trials/" + finished).json().at("/metrics/loss").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aTrialToldToStopEndsWhenReleased() {
        long study = api.createStudy(Specs.minimizeLoss("release-stopped", 5, 2));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        api.post("/api/studies/" + study + "/stop", null);

        HttpApi.Reply released = release(trial, "w1");

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(api.suggest(study, "w2", 1).get("trials")).isEmpty();
    }
}
