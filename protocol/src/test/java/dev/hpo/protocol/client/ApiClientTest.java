package dev.hpo.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.FieldError;
import dev.hpo.trial.TrialState;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client over real HTTP against a scripted server. */
class ApiClientTest {

    private static final String SUGGESTIONS = """
            {"trials": [{"id": 7, "studyId": 3, "number": 1, "configKey": 11, "repeat": 0, "attempt": 1,
                         "parameters": {"width": 0.5, "optimizer": "adam"}, "seed": 5, "timeCapSeconds": 90.5,
                         "heartbeatTimeoutSeconds": 60, "trialSettings": {"timeCap": "90.5s"}}],
             "studyDone": false}""";
    private static final String CONFLICT = """
            {"type": "about:blank", "title": "Conflict", "status": 409, "instance": "/api/trials/7/complete",
             "detail": "Trial 7 already ended COMPLETE; a finished trial cannot change."}""";

    private ScriptedApi api;

    @BeforeEach
    void start() throws Exception {
        api = new ScriptedApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ApiClient client(Retry retry) {
        return ApiClient.http(api.base(), Optional.of("secret"), retry);
    }

    private static Retry quickly(int attempts) {
        AtomicInteger left = new AtomicInteger(attempts - 1);
        return new Retry(Duration.ofMillis(1), Duration.ofMillis(4), () -> left.getAndDecrement() > 0);
    }

    @Test
    void sendsTheRecordWithTheTokenAndReadsTheTypedAnswer() {
        api.answer(200, SUGGESTIONS);

        Suggestion trial = client(Retry.never()).suggest(3, Suggest.of("w1", 2)).trials().get(0);

        ScriptedApi.Received sent = api.received().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/api/studies/3/suggestions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer secret");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.body()).isEqualTo("{\"workerId\":\"w1\",\"count\":2}");
        assertThat(trial.id()).isEqualTo(7);
        assertThat(trial.parameters()).containsEntry("width", 0.5).containsEntry("optimizer", "adam");
        assertThat(trial.timeCap()).isEqualTo(Duration.ofMillis(90_500));
        assertThat(trial.heartbeatTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(trial.trialSettings().path("timeCap").asText()).isEqualTo("90.5s");
    }

    @Test
    void leavesAbsentFieldsOutOfTheBody() {
        api.answer(200, "{\"shouldStop\": true}");

        boolean stop = client(Retry.never()).measure(7, MeasurementReport.of(2, 1.5, Map.of("loss", 0.25)))
                .shouldStop();

        assertThat(stop).isTrue();
        assertThat(api.received().get(0).body()).isEqualTo("{\"step\":2,\"elapsedSeconds\":1.5,\"metrics\":{\"loss\":0.25}}");
    }

    @Test
    void aStudyArchiveTravelsAsTheApiWroteItBothWays() {
        String archive = "{\"formatVersion\": 1, \"fieldOfANewerApi\": {\"kept\": true}, \"trials\": []}";
        api.answer(200, archive).answer(201, "{\"id\": 9, \"name\": \"fm-imported\", \"state\": \"COMPLETED\"}");
        ApiClient client = client(Retry.never());

        String exported = client.exportStudy(3);
        long imported = client.importStudy(exported).id();

        assertThat(exported).isEqualTo(archive);
        assertThat(api.received().get(0).path()).isEqualTo("/api/studies/3/export");
        assertThat(api.received().get(1).path()).isEqualTo("/api/studies/import");
        assertThat(api.received().get(1).body()).isEqualTo(archive);
        assertThat(imported).isEqualTo(9);
    }

    @Test
    void repeatsARequestWhileTheApiIsUnavailableAndStopsAtItsAnswer() {
        api.answer(503, "{\"status\": 503, \"title\": \"Service unavailable\"}").answer(429, "")
                .answer(200, "{\"shouldStop\": false}");

        client(quickly(5)).heartbeat(7, new dev.hpo.protocol.Heartbeat("w1"));

        assertThat(api.received()).hasSize(3);
    }

    @Test
    void givesUpWhenTheRetrySaysSoNamingTheStatusAndTheProblem() {
        api.answer(503, "{\"status\": 503, \"title\": \"Service unavailable\", \"detail\": \"The database is away.\"}");

        assertThatThrownBy(() -> client(quickly(3)).heartbeat(7, new dev.hpo.protocol.Heartbeat("w1")))
                .asInstanceOf(type(ApiException.class))
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(ApiException.Failure.UNAVAILABLE);
                    assertThat(e.status()).hasValue(503);
                    assertThat(e.refused()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("HTTP 503: The database is away.");
                });
        assertThat(api.received()).hasSize(3);
    }

    @Test
    void aRefusalIsNeverRepeatedAndCarriesTheProblemDetail() {
        api.answer(409, CONFLICT);

        assertThatThrownBy(() -> client(quickly(5)).complete(7, Completion.of(Map.of("loss", 0.1), "w1")))
                .asInstanceOf(type(ApiException.class))
                .satisfies(e -> {
                    assertThat(e.refused()).isTrue();
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.request()).isEqualTo("POST api/trials/7/complete");
                    assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p.title()).isEqualTo("Conflict"));
                    assertThat(e.getMessage()).isEqualTo(
                            "HTTP 409: Trial 7 already ended COMPLETE; a finished trial cannot change.");
                });
        assertThat(api.received()).hasSize(1);
    }

    @Test
    void fieldErrorsOfAnInvalidRequestArePartOfTheMessage() {
        api.answer(400, """
                {"title": "Invalid request", "status": 400, "detail": "The request is invalid.",
                 "errors": [{"path": "count", "message": "must be less than or equal to 64"}]}""");

        assertThatThrownBy(() -> client(Retry.never()).suggest(3, Suggest.of("w1", 65)))
                .asInstanceOf(type(ApiException.class))
                .satisfies(e -> {
                    assertThat(e.problem().orElseThrow().errors())
                            .containsExactly(new FieldError("count", "must be less than or equal to 64"));
                    assertThat(e.getMessage())
                            .isEqualTo("HTTP 400: The request is invalid.; count: must be less than or equal to 64");
                });
    }

    @Test
    void anAnswerThatIsNotAProblemDetailStillNamesItsStatus() {
        api.answer(404, "text/html", "<h1>Not Found</h1>");

        assertThatThrownBy(() -> client(Retry.never()).trial(9))
                .asInstanceOf(type(ApiException.class))
                .satisfies(e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.problem()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("HTTP 404");
                });
    }

    @Test
    void aSuccessThatIsNotTheRecordIsUnreadableAndNotRetried() {
        api.answer(200, "text/html", "<h1>Welcome to nginx</h1>");

        assertThatThrownBy(() -> client(quickly(5)).studies())
                .asInstanceOf(type(ApiException.class))
                .satisfies(e -> assertThat(e.failure()).isEqualTo(ApiException.Failure.UNREADABLE));
        assertThat(api.received()).hasSize(1);
    }

    @Test
    void anApiNobodyListensOnIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ApiClient nobody = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());

        assertThatThrownBy(nobody::studies).asInstanceOf(type(ApiException.class))
                .satisfies(e -> {
                    assertThat(e.failure()).isEqualTo(ApiException.Failure.UNREACHABLE);
                    assertThat(e.failure().retryable()).isTrue();
                    assertThat(e.status()).isEmpty();
                    assertThat(e.getMessage()).startsWith("cannot reach the API at http://127.0.0.1:" + port + "/");
                });
        assertThat(nobody.healthy()).isFalse();
    }

    @Test
    void readsEveryPageOfAStudysTrials() {
        String trial = "{\"id\": %d, \"studyId\": 3, \"number\": %d, \"state\": \"WAITING\", \"parameters\": {},"
                + " \"metrics\": {}, \"createdAt\": \"2026-01-01T10:00:00.123456Z\"}";
        api.answer(200, "{\"items\": [" + trial.formatted(1, 1) + "], \"page\": 0, \"size\": 500, \"totalItems\": 2,"
                + " \"totalPages\": 2}");
        api.answer(200, "{\"items\": [" + trial.formatted(2, 2) + "], \"page\": 1, \"size\": 500, \"totalItems\": 2,"
                + " \"totalPages\": 2}");

        List<TrialView> trials = client(Retry.never()).allTrials(3, TrialState.WAITING);

        assertThat(trials).extracting(TrialView::id).containsExactly(1L, 2L);
        assertThat(trials.get(0).createdAt()).hasToString("2026-01-01T10:00:00.123456Z");
        assertThat(api.received()).extracting(ScriptedApi.Received::path).containsExactly(
                "/api/studies/3/trials?page=0&size=500&state=WAITING",
                "/api/studies/3/trials?page=1&size=500&state=WAITING");
    }

    @Test
    void aRawRequestIsSentVerbatimOnceAndAnsweredWhateverItsStatus() {
        api.answer(400, "{\"status\": 400}");

        Transport.Response answer = client(quickly(5)).raw("POST", "api/studies", "{\"name\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("content-type")).hasValue("application/problem+json");
        assertThat(api.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"name\": ");
            assertThat(r.header("Authorization")).isEqualTo("Bearer secret");
        });
    }

    @Test
    void aBaseWithAPathKeepsIt() {
        api.answer(200, "[]");
        ApiClient behindAPrefix = ApiClient.http(URI.create(api.base() + "/hpo"), Optional.empty(), Retry.never());

        behindAPrefix.studies();

        assertThat(api.received().get(0).path()).isEqualTo("/hpo/api/studies");
        assertThat(api.received().get(0).header("Authorization")).isNull();
    }

    @Test
    void anAddressIsAnHttpUrlWithAHost() {
        assertThat(ApiClient.address(" https://hpo.example:8443/api-prefix ")).hasToString(
                "https://hpo.example:8443/api-prefix");
        assertThatThrownBy(() -> ApiClient.address("ftp://example")).hasMessage(
                "'ftp://example' is not an http(s) address, e.g. http://127.0.0.1:8080");
        assertThatThrownBy(() -> ApiClient.address("localhost:8080")).hasMessageContaining("not an http(s) address");
        assertThatThrownBy(() -> ApiClient.address("http://a b")).hasMessageContaining("is not an address");
    }
}
