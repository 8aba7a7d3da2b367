package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiTest
class WorkerProtocolTest {

    @LocalServerPort
    int port;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void aSuggestionCarriesEverythingNeededToRunIt() {
        long study = api.createStudy(Specs.minimizeLoss("complete-suggestion", 5, 1));

        JsonNode reply = api.suggest(study, "w1", 1);

        assertThat(reply.get("studyDone").asBoolean()).isFalse();
        JsonNode trial = reply.at("/trials/0");
        assertThat(trial.get("parameters").fieldNames()).toIterable()
                .containsExactly("learningRate", "optimizer", "batchSize");
        assertThat(trial.get("repeat").asInt()).isZero();
        assertThat(trial.get("attempt").asInt()).isEqualTo(1);
        assertThat(trial.get("seed").asLong()).isEqualTo(7);
        assertThat(trial.get("timeCapSeconds").asDouble()).isEqualTo(600.0);
        assertThat(trial.get("fidelity").toString()).isEqualTo("{\"unit\":\"SECONDS\",\"max\":600.0}");
        assertThat(trial.at("/trialSettings/timeCap").asText()).isEqualTo("10m");
        JsonNode stored = api.get("/api/trials/" + trial.get("id").asLong()).json();
        assertThat(stored.get("state").asText()).isEqualTo("RUNNING");
        assertThat(stored.get("workerId").asText()).isEqualTo("w1");
        assertThat(stored.get("startedAt").asText()).isNotBlank();
    }

    /** Issue 20 fault 3: a trial that counts its own steps is handed its budget in them, and shown progress in them. */
    @Test
    void aTrialReceivesItsBudgetInTheStudysFidelityAndShowsItsProgressInIt() {
        long study = api.createStudy(Specs.minimizeLoss("in-steps", 5, 1)
                .replace("\"seed\": 7", "\"fidelity\": {\"unit\": \"steps\", \"max\": 52}, \"seed\": 7"));
        JsonNode trial = api.suggest(study, "w1", 1).at("/trials/0");
        long id = trial.get("id").asLong();

        api.post("/api/trials/" + id + "/measurements",
                "{\"step\": 12, \"elapsedSeconds\": 30.5, \"metrics\": {\"loss\": 0.9}}");
        api.post("/api/trials/" + id + "/measurements",
                "{\"step\": 13, \"elapsedSeconds\": 33.0, \"metrics\": {\"loss\": 0.8}}");

        assertThat(trial.get("fidelity").toString()).isEqualTo("{\"unit\":\"STEPS\",\"max\":52.0}");
        assertThat(api.get("/api/studies/" + study).json().get("fidelity").toString())
                .isEqualTo("{\"unit\":\"STEPS\",\"max\":52.0}");
        assertThat(api.get("/api/studies/" + study + "/trials").json().at("/items/0/progress").asDouble())
                .isEqualTo(13.0);
        assertThat(api.get("/api/trials/" + id).json().get("progress").asDouble()).isEqualTo(13.0);
    }

    @Test
    void aWorkerAskingAgainGetsBackTheTrialItHolds() {
        long study = api.createStudy(Specs.minimizeLoss("retried-suggestion", 5, 2));

        long first = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        long again = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        long other = api.suggest(study, "w2", 1).at("/trials/0/id").asLong();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void parallelismLimitsRunningTrials() {
        long study = api.createStudy(Specs.minimizeLoss("parallelism", 10, 2));

        assertThat(api.suggest(study, "w1", 1).get("trials")).hasSize(1);
        assertThat(api.suggest(study, "w2", 1).get("trials")).hasSize(1);
        JsonNode third = api.suggest(study, "w3", 1);

        assertThat(third.get("trials")).isEmpty();
        assertThat(third.get("studyDone").asBoolean()).isFalse();
    }

    @Test
    void theStudyCompletesWhenItsBudgetIsSpent() {
        long study = api.createStudy(Specs.minimizeLoss("budget", 3, 3));
        Set<String> configurations = new HashSet<>();
        for (JsonNode trial : api.suggest(study, "w1", 5).get("trials")) {
            configurations.add(trial.get("parameters").toString());
            assertThat(api.complete(trial.get("id").asLong(), "{\"loss\": 0.5}").status()).isEqualTo(200);
        }

        JsonNode after = api.suggest(study, "w1", 1);

        assertThat(configurations).hasSize(3);
        assertThat(after.get("trials")).isEmpty();
        assertThat(after.get("studyDone").asBoolean()).isTrue();
        JsonNode status = api.get("/api/studies/" + study).json();
        assertThat(status.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.at("/trialCounts/COMPLETE").asLong()).isEqualTo(3);
    }

    @Test
    void measurementsAreStoredAndAnsweredWithShouldStop() {
        long study = api.createStudy(Specs.minimizeLoss("measured", 5, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply reply = api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 12.5, \"metrics\": {\"loss\": 0.9}}");
        api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 12.5, \"metrics\": {\"loss\": 0.9}}");
        api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 2, \"elapsedSeconds\": 20, \"metrics\": {\"loss\": 0.7}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("shouldStop").asBoolean()).isFalse();
        JsonNode measurements = api.get("/api/trials/" + trial).json().get("measurements");
        assertThat(measurements).hasSize(2);
        assertThat(measurements.get(1).at("/metrics/loss").asDouble()).isEqualTo(0.7);
        assertThat(api.post("/api/trials/" + trial + "/heartbeat", null).json().get("shouldStop").asBoolean())
                .isFalse();
    }

    @Test
    void repeatingACompletionIsHarmlessAndChangingItConflicts() {
        long study = api.createStudy(Specs.minimizeLoss("idempotent", 5, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        HttpApi.Reply first = api.complete(trial, "{\"loss\": 0.25}");
        HttpApi.Reply repeated = api.complete(trial, "{\"loss\": 0.25}");
        HttpApi.Reply changed = api.complete(trial, "{\"loss\": 0.1}");
        HttpApi.Reply failedLater = api.post("/api/trials/" + trial + "/complete",
                "{\"failed\": true, \"reason\": \"oops\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("state").asText()).isEqualTo("COMPLETE");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(409);
        assertThat(failedLater.status()).isEqualTo(409);
        assertThat(api.get("/api/trials/" + trial).json().at("/metrics/loss").asDouble()).isEqualTo(0.25);
    }

    @Test
    void aCompletionAnswersTheTrialAsStored() {
        long study = api.createStudy(Specs.minimizeLoss("answered-as-stored", 5, 1));
        long done = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        JsonNode completed = api.complete(done, "{\"loss\": 0.25}").json();
        long failing = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
        JsonNode failed = api.post("/api/trials/" + failing + "/complete",
                "{\"failed\": true, \"reason\": \"out of memory\"}").json();

        assertThat(completed).isEqualTo(storedWithoutMeasurements(done));
        assertThat(failed).isEqualTo(storedWithoutMeasurements(failing));
    }

    /** The trial as a later read shows it; a completion's answer leaves out the learning curve. */
    private JsonNode storedWithoutMeasurements(long trial) {
        ObjectNode stored = (ObjectNode) api.get("/api/trials/" + trial).json();
        stored.remove("measurements");
        return stored;
    }

    @Test
    void aFailedTrialKeepsItsReason() {
        long study = api.createStudy(Specs.minimizeLoss("failing", 5, 1));
        long trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();

        JsonNode failed = api.post("/api/trials/" + trial + "/complete",
                "{\"failed\": true, \"reason\": \"time cap\"}").json();

        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asText()).isEqualTo("time cap");
        assertThat(failed.get("finishedAt").asText()).isNotBlank();
    }

    @Test
    void enqueuedConfigurationsRunFirstInCanonicalForm() {
        long study = api.createStudy(Specs.minimizeLoss("enqueued", 5, 1));

        HttpApi.Reply enqueued = api.post("/api/studies/" + study + "/trials",
                "{\"parameters\": {\"learningRate\": 0.1, \"optimizer\": \"adam\", \"batchSize\": 128.0}}");
        JsonNode suggested = api.suggest(study, "w1", 1).at("/trials/0");

        assertThat(enqueued.status()).isEqualTo(201);
        assertThat(enqueued.json().get(0).get("enqueued").asBoolean()).isTrue();
        assertThat(suggested.get("id").asLong()).isEqualTo(enqueued.json().get(0).get("id").asLong());
        assertThat(suggested.at("/parameters/batchSize").isIntegralNumber()).isTrue();
    }

    @Test
    void anEnqueuedConfigurationOutsideTheSpaceNamesEachParameter() {
        long study = api.createStudy(Specs.minimizeLoss("bad-enqueue", 5, 1));

        HttpApi.Reply reply = api.post("/api/studies/" + study + "/trials",
                "{\"parameters\": {\"learningRate\": 7, \"optimizer\": \"rmsprop\", \"momentum\": 0.9}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().findValuesAsText("path")).contains("parameters.learningRate",
                "parameters.optimizer", "parameters.batchSize", "parameters.momentum");
    }

    @Test
    void repeatsRunEachConfigurationOnDistinctSubsetsAndRankByTheMean() {
        long study = api.createStudy(Specs.spec("repeated", 6, 6, 3, "", ""));

        JsonNode trials = api.suggest(study, "w1", 6).get("trials");

        assertThat(trials).hasSize(6);
        Set<Long> groups = new HashSet<>();
        Set<String> groupRepeats = new HashSet<>();
        trials.forEach(t -> {
            groups.add(t.get("configKey").asLong());
            groupRepeats.add(t.get("configKey").asLong() + "/" + t.get("repeat").asInt());
        });
        assertThat(groups).hasSize(2);
        assertThat(groupRepeats).hasSize(6);
        long firstGroup = trials.get(0).get("configKey").asLong();
        double[] firstLosses = {0.2, 0.4, 0.6};
        int i = 0;
        for (JsonNode t : trials) {
            double loss = t.get("configKey").asLong() == firstGroup ? firstLosses[i++] : 0.5;
            api.complete(t.get("id").asLong(), "{\"loss\": " + loss + "}");
        }

        JsonNode best = api.get("/api/studies/" + study + "/best").json().get("best");

        assertThat(best.get("configKey").asLong()).isEqualTo(firstGroup);
        assertThat(best.get("trialIds")).hasSize(3);
        assertThat(best.at("/metrics/loss").asDouble()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(best.at("/spread/loss").asDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void trialsArePagedAndFilteredByState() {
        long study = api.createStudy(Specs.minimizeLoss("paged", 10, 10));
        JsonNode trials = api.suggest(study, "w1", 5).get("trials");
        api.complete(trials.get(0).get("id").asLong(), "{\"loss\": 0.3}");

        JsonNode page = api.get("/api/studies/" + study + "/trials?page=1&size=2").json();
        JsonNode complete = api.get("/api/studies/" + study + "/trials?state=COMPLETE").json();

        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("totalItems").asLong()).isEqualTo(5);
        assertThat(page.get("totalPages").asInt()).isEqualTo(3);
        assertThat(page.at("/items/0/number").asLong()).isEqualTo(2);
        assertThat(complete.get("items")).hasSize(1);
        assertThat(complete.at("/items/0/metrics/loss").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aTrialRecordsTheEngineItsWorkerTrainsWith() {
        long study = api.createStudy(Specs.minimizeLoss("engines", 10, 10));
        long gpu = api.post("/api/studies/" + study + "/suggestions",
                "{\"workerId\": \"gpu0\", \"engine\": \"pytorch\"}").json().at("/trials/0/id").asLong();
        long custom = api.suggest(study, "own-script", 1).at("/trials/0/id").asLong();
        api.complete(gpu, "{\"loss\": 0.3}");

        assertThat(api.get("/api/trials/" + gpu).json().get("engine").asText()).isEqualTo("pytorch");
        assertThat(api.get("/api/trials/" + custom).json().has("engine")).isFalse();
        assertThat(api.get("/api/studies/" + study + "/trials.csv").body().split("\r\n")[1]).contains(",gpu0,pytorch,");
    }

    @Test
    void trialsExportAsCsvWithAColumnPerParameterAndMetric() {
        long study = api.createStudy(Specs.minimizeLoss("csv", 10, 10));
        JsonNode trials = api.suggest(study, "w1", 2).get("trials");
        api.complete(trials.get(0).get("id").asLong(), "{\"loss\": 0.3, \"accuracy\": 0.75}");

        HttpApi.Reply csv = api.get("/api/studies/" + study + "/trials.csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("param.learningRate", "param.optimizer", "metric.loss", "metric.accuracy");
        assertThat(lines[1]).contains(",COMPLETE,").endsWith(",0.3,0.75");
        assertThat(lines[2]).contains(",RUNNING,").endsWith(",,");
    }
}
