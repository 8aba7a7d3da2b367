package dev.hpo.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every client mistake gets its status and a problem detail that names the field, never a Java internal. */
@ApiTest
class ClientMistakesTest {

    @LocalServerPort
    int port;

    HttpApi api;
    long study;
    long trial;

    @BeforeEach
    void studyWithARunningTrial() {
        api = new HttpApi(port);
        study = api.createStudy(Specs.minimizeLoss("mistakes-" + System.nanoTime(), 10, 10));
        trial = api.suggest(study, "w1", 1).at("/trials/0/id").asLong();
    }

    @Test
    void malformedJsonIsABadRequestWithItsPosition() {
        HttpApi.Reply reply = api.post("/api/studies/" + study + "/suggestions", "{\"workerId\": ");

        assertProblem(reply, 400);
        assertThat(reply.json().at("/errors/0/path").asText()).isEqualTo("$");
        assertThat(reply.json().at("/errors/0/message").asText()).contains("not valid JSON");
    }

    @Test
    void malformedStudySpecIsABadRequest() {
        assertProblem(api.post("/api/studies", "{\"name\": "), 400);
        assertProblem(api.post("/api/studies", "[]"), 400);
    }

    @Test
    void aDatasetFolderThatClimbsOutOfEveryDataRootIsRefusedAtCreationNamingTheField() {
        HttpApi.Reply reply = api.post("/api/studies", Specs.spec("escape-" + System.nanoTime(), 10, 1, 1,
                "\"dataset\": {\"name\": \"fashion-mnist\", \"directory\": \"../../../../etc\"}", ""));

        assertProblem(reply, 400);
        assertThat(reply.json().at("/errors/0/path").asText()).isEqualTo("trialSettings.dataset.directory");
        assertThat(reply.json().at("/errors/0/message").asText()).startsWith("must not contain '..' segments");
        assertThat(api.get("/api/studies").body()).doesNotContain("escape-");
    }

    @Test
    void everyInvalidFieldOfASuggestionRequestIsNamed() {
        HttpApi.Reply reply = api.post("/api/studies/" + study + "/suggestions", "{\"workerId\": \"\", \"count\": 0}");

        assertProblem(reply, 400);
        assertThat(reply.json().findValuesAsText("path")).containsExactlyInAnyOrder("workerId", "count");
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheirPath() {
        HttpApi.Reply wrongType = api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 2, \"metrics\": {\"loss\": \"low\"}}");
        HttpApi.Reply unknown = api.post("/api/trials/" + trial + "/measurements",
                "{\"step\": 1, \"elapsedSeconds\": 2, \"metric\": {\"loss\": 1}}");
        HttpApi.Reply missing = api.post("/api/trials/" + trial + "/measurements", "{\"elapsedSeconds\": 2}");
        HttpApi.Reply nullMetric = api.post("/api/trials/" + trial + "/complete", "{\"metrics\": {\"loss\": null}}");

        assertProblem(wrongType, 400);
        assertThat(wrongType.json().at("/errors/0/path").asText()).isEqualTo("metrics.loss");
        assertThat(wrongType.json().at("/errors/0/message").asText()).contains("must be a number");
        assertProblem(unknown, 400);
        assertThat(unknown.json().at("/errors/0/path").asText()).isEqualTo("metric");
        assertProblem(missing, 400);
        assertThat(missing.json().findValuesAsText("path")).contains("step", "metrics");
        assertProblem(nullMetric, 400);
        assertThat(nullMetric.json().at("/errors/0/path").asText()).isEqualTo("metrics.loss");
    }

    @Test
    void aCompletionWithoutMetricsOrFailureIsABadRequest() {
        HttpApi.Reply reply = api.post("/api/trials/" + trial + "/complete", "{}");

        assertProblem(reply, 400);
        assertThat(reply.json().at("/errors/0/path").asText()).isEqualTo("metrics");
    }

    @Test
    void malformedPathAndQueryValuesAreBadRequests() {
        HttpApi.Reply badId = api.get("/api/studies/abc");
        HttpApi.Reply badState = api.get("/api/studies/" + study + "/trials?state=DONE");
        HttpApi.Reply badSize = api.get("/api/studies/" + study + "/trials?size=0");
        HttpApi.Reply badPage = api.get("/api/studies/" + study + "/trials?page=x");

        assertProblem(badId, 400);
        assertThat(badId.json().at("/errors/0/path").asText()).isEqualTo("id");
        assertProblem(badState, 400);
        assertThat(badState.json().at("/errors/0/message").asText()).contains("one of WAITING, RUNNING");
        assertProblem(badSize, 400);
        assertThat(badSize.json().at("/errors/0/path").asText()).isEqualTo("size");
        assertProblem(badPage, 400);
    }

    @Test
    void wrongMethodAndMediaTypeAndUnknownPathGetTheirStatus() {
        HttpApi.Reply wrongMethod = api.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/studies/" + study)).DELETE());
        HttpApi.Reply wrongMediaType = api.post("/api/studies", "name=x", "text/plain");
        HttpApi.Reply unknownPath = api.get("/api/nothing-here");

        assertProblem(wrongMethod, 405);
        assertProblem(wrongMediaType, 415);
        assertProblem(unknownPath, 404);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String big = "{\"workerId\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        HttpApi.Reply reply = api.post("/api/studies/" + study + "/suggestions", big);

        assertProblem(reply, 413);
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertProblem(api.post("/api/studies/" + study + "/suggestions", null), 400);
    }

    private static void assertProblem(HttpApi.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.body()).doesNotContain("Exception", "dev.hpo", "java.", "at org.");
    }
}
