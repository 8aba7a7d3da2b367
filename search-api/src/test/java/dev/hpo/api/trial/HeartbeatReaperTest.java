package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class HeartbeatReaperTest {

    @LocalServerPort
    int port;

    @Autowired
    HeartbeatReaper reaper;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    private long silentStudy(String name) {
        return api.createStudy(Specs.spec(name + "-" + System.nanoTime(), 5, 5, 1,
                "\"heartbeatTimeout\": \"300ms\", \"maxRetries\": 1", ""));
    }

    @Test
    void aSilentWorkersTrialIsRequeuedWithItsMeasurementsKept() throws Exception {
        long study = silentStudy("requeue");
        long trial = api.suggest(study, "lost", 1).at("/trials/0/id").asLong();
        api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 3, \"metrics\": {\"loss\": 0.8}}");
        Thread.sleep(500);

        assertThat(reaper.reap(study)).isEqualTo(1);

        JsonNode requeued = api.get("/api/trials/" + trial).json();
        assertThat(requeued.get("state").asText()).isEqualTo("WAITING");
        assertThat(requeued.has("workerId")).isFalse();
        assertThat(requeued.get("measurements")).hasSize(1);
        assertThat(api.post("/api/trials/" + trial + "/heartbeat", "{}").json().get("shouldStop").asBoolean())
                .isTrue();
        JsonNode retaken = api.suggest(study, "rescuer", 1).at("/trials/0");
        assertThat(retaken.get("id").asLong()).isEqualTo(trial);
        assertThat(retaken.get("attempt").asInt()).isEqualTo(2);
        assertThat(api.complete(trial, "{\"loss\": 0.4}").status()).isEqualTo(200);
        assertThat(api.get("/api/trials/" + trial).json().get("measurements")).hasSize(1);
    }

    @Test
    void aSilentConfirmationRunOfAnEndedStudyIsRequeuedNotStopped() throws Exception {
        long study = silentStudy("confirmation");
        long searched = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        api.complete(searched, "{\"loss\": 0.5}");
        api.post("/api/studies/" + study + "/stop", "");
        api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 2}");
        long run = api.suggest(study, "lost", 1).at("/trials/0/id").asLong();
        Thread.sleep(500);

        assertThat(reaper.reap(study)).isEqualTo(1);

        assertThat(api.get("/api/trials/" + run).json().get("state").asText()).isEqualTo("WAITING");
        assertThat(api.suggest(study, "rescuer", 1).at("/trials/0/id").asLong()).isEqualTo(run);
    }

    @Test
    void aTrialOutOfRetriesFailsWithLostWorker() throws Exception {
        long study = silentStudy("lost");
        long trial = api.suggest(study, "first", 1).at("/trials/0/id").asLong();
        Thread.sleep(500);
        reaper.reap(study);
        assertThat(api.suggest(study, "second", 1).at("/trials/0/id").asLong()).isEqualTo(trial);
        Thread.sleep(500);

        reaper.reap(study);

        JsonNode failed = api.get("/api/trials/" + trial).json();
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).isEqualTo("lost worker");
        assertThat(failed.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void heartbeatsKeepATrialWithItsWorker() throws Exception {
        long study = silentStudy("alive");
        long trial = api.suggest(study, "alive", 1).at("/trials/0/id").asLong();
        for (int i = 0; i < 4; i++) {
            Thread.sleep(150);
            api.post("/api/trials/" + trial + "/heartbeat", "{\"workerId\": \"alive\"}");
        }

        assertThat(reaper.reap(study)).isZero();
        assertThat(api.get("/api/trials/" + trial).json().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aTrialHeldByAnotherWorkerIsToldToStop() {
        long study = silentStudy("other");
        long trial = api.suggest(study, "holder", 1).at("/trials/0/id").asLong();

        assertThat(api.post("/api/trials/" + trial + "/heartbeat", "{\"workerId\": \"intruder\"}")
                .json().get("shouldStop").asBoolean()).isTrue();
        assertThat(api.post("/api/trials/" + trial + "/complete",
                "{\"metrics\": {\"loss\": 1}, \"workerId\": \"intruder\"}").status()).isEqualTo(409);
    }
}
