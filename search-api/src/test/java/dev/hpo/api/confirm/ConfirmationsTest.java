package dev.hpo.api.confirm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class ConfirmationsTest {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Runs a three-trial study to its end; trial i completes with loss 0.1 * (i + 1), so the first is the best. */
    private List<Long> finishedStudy(long study) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode trial : api.suggest(study, "w1", 3).get("trials")) {
            ids.add(trial.get("id").asLong());
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(api.complete(ids.get(i), "{\"loss\": " + 0.1 * (i + 1) + "}").status()).isEqualTo(200);
        }
        assertThat(api.suggest(study, "w1", 1).get("studyDone").asBoolean()).isTrue();
        return ids;
    }

    @Test
    void confirmationRunsOfAFinishedStudyGoToWorkersAndAreReportedWithTheirInterval() {
        long study = api.createStudy(Specs.minimizeLoss("confirmed", 3, 3));
        List<Long> searched = finishedStudy(study);

        HttpApi.Reply asked = api.post("/api/studies/" + study + "/confirmations",
                "{\"top\": 1, \"repeats\": 3, \"trials\": [" + searched.get(2) + "]}");

        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.json().at("/configurations/0/runs").asInt()).isEqualTo(3);
        JsonNode handedOut = api.suggest(study, "w2", 6);
        assertThat(handedOut.get("trials")).hasSize(6);
        double[] losses = {0.30, 0.20, 0.25};
        int best = 0;
        for (JsonNode run : handedOut.get("trials")) {
            assertThat(run.get("confirmation").asBoolean()).isTrue();
            long configKey = run.get("configKey").asLong();
            double loss = configKey == 0 ? losses[best++] : 0.9;
            assertThat(api.complete(run.get("id").asLong(), "{\"loss\": " + loss + "}").status()).isEqualTo(200);
        }
        assertThat(handedOut.get("trials").get(0).get("repeat").asInt()).isZero();

        JsonNode report = api.get("/api/studies/" + study + "/confirmations").json();
        JsonNode first = report.at("/configurations/0");
        assertThat(first.get("configKey").asLong()).isZero();
        assertThat(first.get("searchRank").asInt()).isEqualTo(1);
        assertThat(first.at("/searchMetrics/loss").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(first.get("completed").asInt()).isEqualTo(3);
        JsonNode loss = first.at("/metrics/loss");
        assertThat(loss.get("mean").asDouble()).isCloseTo(0.25, within(1e-9));
        assertThat(loss.get("standardDeviation").asDouble()).isCloseTo(0.05, within(1e-9));
        // t(0.975, 2) = 4.302653: half-width 4.302653 * 0.05 / sqrt(3).
        assertThat(loss.get("high").asDouble() - 0.25).isCloseTo(0.124207, within(1e-5));
        assertThat(report.at("/configurations/1/configKey").asLong()).isEqualTo(2);
        // The search's own result is untouched by the runs, though they measured a worse loss.
        assertThat(api.get("/api/studies/" + study + "/best").json().at("/best/metrics/loss").asDouble())
                .isCloseTo(0.1, within(1e-9));
        assertThat(api.suggest(study, "w2", 1).get("studyDone").asBoolean()).isTrue();
        JsonNode columns = api.get("/api/dashboard/studies/" + study).json().get("trials");
        for (int row = 0; row < columns.get("number").size(); row++) {
            boolean run = row >= 3;
            assertThat(columns.get("confirmation").get(row).asBoolean()).as("row " + row).isEqualTo(run);
            assertThat(columns.get("rank").get(row).isNull()).as("rank of row " + row).isEqualTo(run);
        }
    }

    /** A run reports and beats like any trial; its study having ended is no reason to stop it. */
    @Test
    void aConfirmationRunThatReportsIsNotToldToStop() {
        long study = api.createStudy(Specs.minimizeLoss("confirm-measured", 3, 3));
        finishedStudy(study);
        api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 2}");
        long run = api.suggest(study, "w2", 1).at("/trials/0/id").asLong();

        HttpApi.Reply measured = api.post("/api/trials/" + run + "/measurements",
                "{\"workerId\": \"w2\", \"step\": 1, \"elapsedSeconds\": 3.5, \"metrics\": {\"loss\": 0.4}}");
        HttpApi.Reply beat = api.post("/api/trials/" + run + "/heartbeat", "{\"workerId\": \"w2\"}");

        assertThat(measured.json().get("shouldStop").asBoolean()).isFalse();
        assertThat(beat.json().get("shouldStop").asBoolean()).isFalse();
        assertThat(api.complete(run, "{\"loss\": 0.3}").json().get("state").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void askingAgainAddsRunsNumberedAfterTheFirst() {
        long study = api.createStudy(Specs.minimizeLoss("confirmed-twice", 3, 3));
        finishedStudy(study);
        api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 2}");

        JsonNode again = api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 2}").json();

        assertThat(again.at("/configurations/0/runs").asInt()).isEqualTo(4);
        List<Integer> runs = new ArrayList<>();
        for (JsonNode run : api.suggest(study, "w2", 4).get("trials")) {
            runs.add(run.get("repeat").asInt());
        }
        assertThat(runs).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void aSpecThatAsksForConfirmationStartsItWhenTheSearchCompletes() {
        long study = api.createStudy(Specs.minimizeLoss("confirmed-by-spec", 3, 3)
                .replace("\"seed\": 7", "\"confirm\": {\"top\": 2, \"repeats\": 2}, \"seed\": 7"));
        List<Long> ids = new ArrayList<>();
        for (JsonNode trial : api.suggest(study, "w1", 3).get("trials")) {
            ids.add(trial.get("id").asLong());
        }
        ids.forEach(id -> api.complete(id, "{\"loss\": 0.5}"));

        JsonNode next = api.suggest(study, "w1", 1);

        assertThat(next.get("studyDone").asBoolean()).isFalse();
        JsonNode status = api.get("/api/studies/" + study).json();
        assertThat(status.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.at("/trialCounts/WAITING").asLong() + next.get("trials").size()).isEqualTo(4);
        assertThat(api.get("/api/studies/" + study + "/confirmations").json().get("configurations")).hasSize(2);
    }

    @Test
    void badRequestsNameTheFieldAndCreateNothing() {
        long study = api.createStudy(Specs.minimizeLoss("confirm-mistakes", 3, 3));
        long other = api.createStudy(Specs.minimizeLoss("confirm-mistakes-other", 3, 3));
        finishedStudy(study);
        long foreign = api.suggest(other, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply unknown = api.post("/api/studies/" + study + "/confirmations",
                "{\"repeats\": 3, \"trials\": [" + foreign + "]}");
        HttpApi.Reply nothing = api.post("/api/studies/" + study + "/confirmations", "{\"repeats\": 3}");
        HttpApi.Reply oneRun = api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 1}");
        HttpApi.Reply noStudy = api.post("/api/studies/999999/confirmations", "{\"top\": 1, \"repeats\": 3}");
        HttpApi.Reply searching = api.post("/api/studies/" + other + "/confirmations",
                "{\"top\": 1, \"repeats\": 3}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/path").asText()).isEqualTo("trials[0]");
        assertThat(unknown.json().at("/errors/0/message").asText()).contains("not a trial of study " + study);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().at("/errors/0/path").asText()).isEqualTo("top");
        assertThat(oneRun.status()).isEqualTo(400);
        assertThat(oneRun.body()).contains("repeats");
        assertThat(noStudy.status()).isEqualTo(404);
        assertThat(searching.status()).isEqualTo(409);
        assertThat(searching.json().get("detail").asText()).contains("still searching");
        assertThat(api.get("/api/studies/" + study).json().at("/trialCounts/WAITING").asLong()).isZero();
        assertThat(api.get("/api/studies/" + study + "/confirmations").json().get("configurations")).isEmpty();
    }

    @Test
    void stoppingAnEndedStudyStopsItsConfirmationRuns() {
        long study = api.createStudy(Specs.minimizeLoss("confirm-stopped", 3, 3));
        finishedStudy(study);
        api.post("/api/studies/" + study + "/confirmations", "{\"top\": 1, \"repeats\": 2}");

        api.post("/api/studies/" + study + "/stop", "");

        JsonNode status = api.get("/api/studies/" + study).json();
        assertThat(status.at("/trialCounts/WAITING").asLong()).isZero();
        assertThat(status.at("/trialCounts/STOPPED").asLong()).isEqualTo(2);
        JsonNode report = api.get("/api/studies/" + study + "/confirmations").json().at("/configurations/0");
        assertThat(report.get("stopped").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(api.suggest(study, "w2", 1).get("trials")).isEmpty();
    }
}
