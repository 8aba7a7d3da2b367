package dev.hpo.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard's own endpoints over real HTTP against the real service on an in-memory H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hpo-dashboard-endpoints;DB_CLOSE_DELAY=-1",
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardEndpointsTest {

    private static final int TRIALS = 60;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private StudySeeder seeder;
    private long study;

    @BeforeAll
    void seed() throws Exception {
        seeder = new StudySeeder("http://127.0.0.1:" + port, jdbc);
        study = seeder.createStudy("endpoints", 200);
        seeder.seedTrials(study, TRIALS, 5);
    }

    @Test
    void studyDocumentHoldsEveryTrialAsColumnsOfEqualLength() throws Exception {
        HttpResponse<String> response = get("/api/dashboard/studies/" + study, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        JsonNode overview = body.get("study");
        assertThat(overview.get("name").asText()).isEqualTo("endpoints");
        assertThat(overview.get("objectives").get(0).get("goal").asText()).isEqualTo("MINIMIZE");
        assertThat(overview.get("constraints")).hasSize(2);
        assertThat(overview.get("parameters")).hasSize(7);
        assertThat(overview.get("maxTrials").asInt()).isEqualTo(200);
        assertThat(overview.get("fidelity").toString()).isEqualTo("{\"unit\":\"SECONDS\",\"max\":600.0}");
        JsonNode trials = body.get("trials");
        for (String column : new String[] {"id", "number", "state", "finishedSeconds", "wallSeconds", "epochs", "progress",
            "reason", "feasible", "rank", "confirmation", "artifacts"}) {
            assertThat(trials.get(column)).as(column).hasSize(TRIALS);
        }
        trials.get("metrics").forEach(c -> assertThat(c).hasSize(TRIALS));
        trials.get("parameters").forEach(c -> assertThat(c).hasSize(TRIALS));
        long complete = jdbc.queryForObject("SELECT COUNT(*) FROM trials WHERE study_id = ? AND state = 'COMPLETE'", Long.class, study);
        assertThat(overview.get("counts").get("COMPLETE").asLong()).isEqualTo(complete);
        int firstComplete = indexOfState(trials, "COMPLETE");
        assertThat(trials.get("epochs").get(firstComplete).asInt()).isEqualTo(10);
        double lastElapsed = jdbc.queryForObject("SELECT MAX(elapsed_seconds) FROM measurements WHERE trial_id = ?",
                Double.class, trials.get("id").get(firstComplete).asLong());
        assertThat(trials.get("progress").get(firstComplete).asDouble())
                .isEqualTo(TrialColumnsBuilder.sixDigits(lastElapsed));
        assertThat(trials.get("metrics").get("accuracy").get(firstComplete).asDouble()).isBetween(0.3, 0.95);
    }

    @Test
    void rankingMarksAreThoseOfTheApisRanking() throws Exception {
        JsonNode body = json.readTree(get("/api/dashboard/studies/" + study, null).body());
        JsonNode best = json.readTree(get("/api/studies/" + study + "/best", null).body()).get("best");
        JsonNode trials = body.get("trials");
        JsonNode ranking = body.get("ranking");
        int bestRow = ranking.get("best").get("row").asInt();
        assertThat(best.get("trialIds").get(0).asLong()).isEqualTo(trials.get("id").get(bestRow).asLong());
        assertThat(ranking.get("best").get("feasible").asBoolean()).isEqualTo(best.get("feasible").asBoolean());
        assertThat(trials.get("rank").get(bestRow).asInt()).isEqualTo(1);
        // By trial number, the curve's last step is the best configuration; no front for one objective.
        JsonNode steps = ranking.get("bestSoFarByNumber");
        assertThat(steps.get(steps.size() - 1).asInt()).isEqualTo(bestRow);
        assertThat(ranking.path("paretoFront").isMissingNode()).isTrue();
        for (int row = 0; row < trials.get("state").size(); row++) {
            String state = trials.get("state").get(row).asText();
            assertThat(trials.get("feasible").get(row).isNull()).as("feasibility of row " + row)
                    .isEqualTo(!state.equals("COMPLETE"));
        }
        JsonNode constraints = body.get("study").get("constraints");
        assertThat(constraints.get(0).get("min").asDouble()).isEqualTo(0.85);
        assertThat(constraints.get(1).get("max").asDouble()).isEqualTo(2e8);
        assertThat(constraints.get(0).path("baseline").isMissingNode()).isTrue();
    }

    @Test
    void unchangedStudyAnswersNotModifiedAndAClaimedTrialChangesItsTag() throws Exception {
        HttpResponse<String> first = get("/api/dashboard/studies/" + study, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long running = json.readTree(first.body()).get("study").get("counts").get("RUNNING").asLong();
        assertThat(get("/api/dashboard/studies/" + study, etag).statusCode()).isEqualTo(304);
        seeder.claimTrial(study, "endpoint-test-worker");
        HttpResponse<String> changed = get("/api/dashboard/studies/" + study, etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(json.readTree(changed.body()).get("study").get("counts").get("RUNNING").asLong()).isEqualTo(running + 1);
    }

    @Test
    void unknownStudyIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/dashboard/studies/424242", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("detail").asText()).isEqualTo("There is no study 424242.");
    }

    @Test
    void curvesComeFromTheLatestAttemptInStepOrder() throws Exception {
        long trial = jdbc.queryForObject(
                "SELECT id FROM trials WHERE study_id = ? AND state = 'COMPLETE' ORDER BY number LIMIT 1", Long.class, study);
        jdbc.update("""
                INSERT INTO measurements (trial_id, attempt, step, elapsed_seconds, metrics_json, reported_at)
                VALUES (?, 0, 1, 1.0, '{"accuracy": 0.01}', CURRENT_TIMESTAMP)""", trial);
        HttpResponse<String> response = get("/api/dashboard/curves?trial=" + trial, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode curve = json.readTree(response.body()).get(0);
        assertThat(curve.get("trialId").asLong()).isEqualTo(trial);
        assertThat(curve.get("state").asText()).isEqualTo("COMPLETE");
        JsonNode points = curve.get("points");
        assertThat(points).hasSize(10);
        for (int i = 1; i < points.size(); i++) {
            assertThat(points.get(i).get(0).asDouble()).isGreaterThan(points.get(i - 1).get(0).asDouble());
            assertThat(points.get(i).get(2).asLong()).isEqualTo(i + 1);
        }
        assertThat(points.get(0).get(1).asDouble()).isGreaterThan(0.01);
    }

    @Test
    void curvesRejectTooManyTrialsAndNameAnUnknownOne() throws Exception {
        StringBuilder query = new StringBuilder();
        for (int i = 1; i <= 21; i++) {
            query.append(i == 1 ? "?" : "&").append("trial=").append(i);
        }
        HttpResponse<String> tooMany = get("/api/dashboard/curves" + query, null);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"path\":\"trial\"").contains("between 1 and 20");
        HttpResponse<String> unknown = get("/api/dashboard/curves?trial=99999999", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no trial 99999999.");
        assertThat(get("/api/dashboard/curves?trial=abc", null).statusCode()).isEqualTo(400);
    }

    @Test
    void studyAddressesServeTheDashboardPage() throws Exception {
        for (String path : new String[] {"/", "/studies", "/studies/" + study}) {
            HttpResponse<String> page = get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<script type=\"module\" src=\"/js/main.js\">");
        }
        assertThat(get("/webjars/echarts/echarts.esm.min.js", null).statusCode()).isEqualTo(200);
    }

    private static int indexOfState(JsonNode trials, String state) {
        JsonNode states = trials.get("state");
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).asText().equals(state)) {
                return i;
            }
        }
        throw new AssertionError("no " + state + " trial");
    }

    private HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
