package dev.hpo.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class StudyEndpointsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void createsAStudyWithItsLocation() {
        HttpApi.Reply reply = api.post("/api/studies", Specs.minimizeLoss("created-study", 10, 2));

        assertThat(reply.status()).isEqualTo(201);
        long id = reply.json().get("id").asLong();
        assertThat(reply.header("Location")).endsWith("/api/studies/" + id);
        assertThat(reply.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(reply.json().get("trialCapacity").asLong()).isEqualTo(10);
        assertThat(reply.json().at("/spec/name").asText()).isEqualTo("created-study");

        JsonNode fetched = api.get("/api/studies/" + id).json();
        assertThat(fetched.get("name").asText()).isEqualTo("created-study");
        assertThat(fetched.at("/trialCounts/WAITING").asLong()).isZero();
        assertThat(api.get("/api/studies").json().findValuesAsText("name")).contains("created-study");
    }

    /** Issue 20 fault 7: the study showed its spec as sent, so a user could not see which defaults were in force. */
    @Test
    void aStudyShowsItsSpecWithEveryDefaultSpelledOutAndKeepsTheTextAsSent() {
        String sent = Specs.minimizeLoss("spelled-out", 10, 2)
                .replace("\"algorithm\": {\"name\": \"RANDOM\"}",
                        "\"algorithm\": {\"name\": \"RANDOM\", \"earlyStopping\": {\"rule\": \"ASHA\"}}");
        long id = api.createStudy(sent);

        JsonNode spec = api.get("/api/studies/" + id).json().get("spec");

        assertThat(spec.at("/algorithm/earlyStopping").toString()).isEqualTo("{\"rule\":\"ASHA\",\"metric\":\"loss\","
                + "\"goal\":\"MINIMIZE\",\"minFraction\":0.1111111111111111,\"reductionFactor\":3}");
        assertThat(spec.at("/algorithm/populationSize").asInt()).isEqualTo(16);
        assertThat(spec.at("/fidelity/unit").asText()).isEqualTo("SECONDS");
        assertThat(jdbc.queryForObject("SELECT spec_json FROM studies WHERE id = ?", String.class, id))
                .isEqualTo(sent);
    }

    @Test
    void rejectsAnInvalidSpecNamingEveryField() {
        String spec = Specs.minimizeLoss("bad-spec", 10, 1)
                .replace("\"max\": 0.5", "\"max\": -1")
                .replace("\"maxTrials\": 10", "\"maxTrials\": 0");

        HttpApi.Reply reply = api.post("/api/studies", spec);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().findValuesAsText("path")).contains("budget.maxTrials", "parameters[0].max");
    }

    @Test
    void rejectsASpecThatCarriesACommandForWorkers() {
        String spec = Specs.minimizeLoss("command-spec", 10, 1)
                .replace("\"timeCap\": \"10m\"", "\"timeCap\": \"10m\", \"command\": \"rm -rf /\"");

        HttpApi.Reply reply = api.post("/api/studies", spec);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().findValuesAsText("path")).contains("trialSettings.command");
    }

    @Test
    void aSecondStudyWithTheSameNameConflicts() {
        api.createStudy(Specs.minimizeLoss("twin", 10, 1));

        HttpApi.Reply reply = api.post("/api/studies", Specs.minimizeLoss("twin", 10, 1));

        assertThat(reply.status()).isEqualTo(409);
    }

    @Test
    void unknownStudyIsNotFound() {
        assertThat(api.get("/api/studies/999999").status()).isEqualTo(404);
        assertThat(api.get("/api/studies/999999/best").status()).isEqualTo(404);
        assertThat(api.post("/api/studies/999999/stop", null).status()).isEqualTo(404);
        assertThat(api.get("/api/trials/999999").status()).isEqualTo(404);
    }

    @Test
    void stoppingEndsTheStudyAndItsWaitingTrials() {
        long id = api.createStudy(Specs.minimizeLoss("to-stop", 10, 5));
        api.post("/api/studies/" + id + "/trials",
                "{\"parameters\": {\"learningRate\": 0.01, \"optimizer\": \"sgd\", \"batchSize\": 64}}");
        long running = api.suggest(id, "w1", 1).at("/trials/0/id").asLong();
        api.post("/api/studies/" + id + "/trials",
                "{\"parameters\": {\"learningRate\": 0.02, \"optimizer\": \"adam\", \"batchSize\": 32}}");

        HttpApi.Reply stopped = api.post("/api/studies/" + id + "/stop", null);

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(stopped.json().at("/trialCounts/STOPPED").asLong()).isEqualTo(1);
        assertThat(api.post("/api/trials/" + running + "/heartbeat", "{}").json().get("shouldStop").asBoolean())
                .isTrue();
        assertThat(api.suggest(id, "w2", 1).get("studyDone").asBoolean()).isTrue();
        JsonNode ended = api.complete(running, "{\"loss\": 0.5}").json();
        assertThat(ended.get("state").asText()).isEqualTo("STOPPED");
        assertThat(api.post("/api/studies/" + id + "/trials",
                "{\"parameters\": {\"learningRate\": 0.02, \"optimizer\": \"adam\", \"batchSize\": 32}}").status())
                .isEqualTo(409);
    }

    @Test
    void bestIsFeasibleFirstThenByObjective() {
        long id = api.createStudy(Specs.spec("constrained", 10, 10, 1, "",
                "[{\"metric\": \"accuracy\", \"min\": 0.8}]"));
        JsonNode trials = api.suggest(id, "w1", 3).get("trials");
        long infeasibleButLow = trials.get(0).get("id").asLong();
        long feasible = trials.get(1).get("id").asLong();
        long feasibleWorse = trials.get(2).get("id").asLong();
        api.complete(infeasibleButLow, "{\"loss\": 0.01, \"accuracy\": 0.5}");
        api.complete(feasible, "{\"loss\": 0.3, \"accuracy\": 0.85}");
        api.complete(feasibleWorse, "{\"loss\": 0.4, \"accuracy\": 0.9}");

        JsonNode best = api.get("/api/studies/" + id + "/best").json();

        assertThat(best.at("/best/trialIds/0").asLong()).isEqualTo(feasible);
        assertThat(best.at("/best/feasible").asBoolean()).isTrue();
        assertThat(best.at("/objective/metric").asText()).isEqualTo("loss");
        assertThat(api.get("/api/studies/" + id).json().at("/best/trialIds/0").asLong()).isEqualTo(feasible);
    }

    @Test
    void onlyInfeasibleTrialsRankBySmallestViolation() {
        long id = api.createStudy(Specs.spec("all-infeasible", 10, 10, 1, "",
                "[{\"metric\": \"accuracy\", \"min\": 0.8}]"));
        JsonNode trials = api.suggest(id, "w1", 2).get("trials");
        api.complete(trials.get(0).get("id").asLong(), "{\"loss\": 0.01, \"accuracy\": 0.2}");
        api.complete(trials.get(1).get("id").asLong(), "{\"loss\": 0.9, \"accuracy\": 0.7}");

        JsonNode best = api.get("/api/studies/" + id + "/best").json();

        assertThat(best.at("/best/trialIds/0").asLong()).isEqualTo(trials.get(1).get("id").asLong());
        assertThat(best.at("/best/feasible").asBoolean()).isFalse();
        assertThat(best.at("/best/violation").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void paretoFrontHoldsTheFeasibleNonDominatedConfigurations() {
        long id = api.createStudy(Specs.twoObjectives("pareto", 10));
        JsonNode trials = api.suggest(id, "w1", 4).get("trials");
        api.complete(trials.get(0).get("id").asLong(), "{\"accuracy\": 0.9, \"macs\": 300}");
        api.complete(trials.get(1).get("id").asLong(), "{\"accuracy\": 0.8, \"macs\": 100}");
        api.complete(trials.get(2).get("id").asLong(), "{\"accuracy\": 0.7, \"macs\": 200}");
        api.complete(trials.get(3).get("id").asLong(), "{\"accuracy\": 0.4, \"macs\": 10}");

        JsonNode front = api.get("/api/studies/" + id + "/pareto").json().get("front");

        assertThat(front.findValues("trialIds").stream().map(n -> n.get(0).asLong()).toList())
                .containsExactly(trials.get(0).get("id").asLong(), trials.get(1).get("id").asLong());
    }

    @Test
    void paretoOfASingleObjectiveStudyConflicts() {
        long id = api.createStudy(Specs.minimizeLoss("single-objective", 10, 1));

        assertThat(api.get("/api/studies/" + id + "/pareto").status()).isEqualTo(409);
    }
}
