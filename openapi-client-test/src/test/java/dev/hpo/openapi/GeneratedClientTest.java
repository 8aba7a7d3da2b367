package dev.hpo.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.SearchApiApplication;
import dev.hpo.openapi.client.ApiClient;
import dev.hpo.openapi.client.ApiException;
import dev.hpo.openapi.client.ApiResponse;
import dev.hpo.openapi.client.api.StudiesApi;
import dev.hpo.openapi.client.api.TrialsApi;
import dev.hpo.openapi.client.api.WorkerProtocolApi;
import dev.hpo.openapi.client.model.AlgorithmSettings;
import dev.hpo.openapi.client.model.Best;
import dev.hpo.openapi.client.model.Budget;
import dev.hpo.openapi.client.model.CategoricalParameter;
import dev.hpo.openapi.client.model.Completion;
import dev.hpo.openapi.client.model.FloatParameter;
import dev.hpo.openapi.client.model.MeasurementReport;
import dev.hpo.openapi.client.model.Objective;
import dev.hpo.openapi.client.model.Parameter;
import dev.hpo.openapi.client.model.ParameterValue;
import dev.hpo.openapi.client.model.Problem;
import dev.hpo.openapi.client.model.Scale;
import dev.hpo.openapi.client.model.StopDecision;
import dev.hpo.openapi.client.model.StudySpec;
import dev.hpo.openapi.client.model.StudyView;
import dev.hpo.openapi.client.model.Suggest;
import dev.hpo.openapi.client.model.Suggestion;
import dev.hpo.openapi.client.model.Suggestions;
import dev.hpo.openapi.client.model.TrialView;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client openapi-generator wrote from the OpenAPI document at build time, against the real service: it runs a
 * trial of a study from creation to completion, and reads the service's refusals as the document describes them.
 * The service runs with a token, as it must beyond loopback, so the document's security is exercised too.
 */
@SpringBootTest(classes = SearchApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:openapi-client;DB_CLOSE_DELAY=-1",
                "hpo.api.token=" + GeneratedClientTest.TOKEN})
class GeneratedClientTest {

    static final String TOKEN = "generated-client-token";
    private static final String WORKER = "generated-client";

    @LocalServerPort
    int port;

    StudiesApi studies;
    TrialsApi trials;
    WorkerProtocolApi worker;
    ObjectMapper json;

    @BeforeEach
    void connect() {
        ApiClient client = client();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
        studies = new StudiesApi(client);
        trials = new TrialsApi(client);
        worker = new WorkerProtocolApi(client);
        json = client.getObjectMapper();
    }

    @Test
    void theClientWasGeneratedFromTheDocumentTheServiceServes() throws IOException, InterruptedException {
        Path generatedFrom = Path.of(System.getProperty("openapi.document"));
        HttpResponse<String> served = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(served.body())).as("the document the service serves now; build search-api with "
                        + "its tests to export it again")
                .isEqualTo(json.readTree(Files.readString(generatedFrom)));
    }

    @Test
    void createsAStudyTakesASuggestionAndCompletesIt() throws ApiException {
        ApiResponse<StudyView> created = studies.createStudyWithHttpInfo(spec("generated-client-study"));

        assertThat(created.getStatusCode()).isEqualTo(201);
        StudyView study = created.getData();
        assertThat(created.getHeaders().get("location")).containsExactly("/api/studies/" + study.getId());
        assertThat(study.getState()).isEqualTo(StudyView.StateEnum.RUNNING);

        Suggestions taken = worker.suggestTrials(study.getId(), new Suggest().workerId(WORKER).count(1));

        assertThat(taken.getStudyDone()).isFalse();
        Suggestion trial = taken.getTrials().get(0);
        BigDecimal learningRate = (BigDecimal) trial.getParameters().get("learningRate").getActualInstance();
        assertThat(learningRate.doubleValue()).isBetween(0.001, 0.1);
        assertThat(trial.getParameters().get("optimizer").getActualInstance()).isIn("sgd", "adam");
        assertThat(trial.getTimeCapSeconds()).as("the default cap of a spec without trialSettings").isEqualTo(600);
        assertThat(trial.getTrialSettings()).isEqualTo(Map.of());

        StopDecision decision = worker.reportMeasurement(trial.getId(), new MeasurementReport().step(1L)
                .elapsedSeconds(0.5).metrics(Map.of("score", 0.4)).workerId(WORKER));
        TrialView completed = worker.completeTrial(trial.getId(), new Completion().metrics(Map.of("score", 0.9))
                .workerId(WORKER));

        assertThat(decision.getShouldStop()).isFalse();
        assertThat(completed.getState()).isEqualTo(TrialView.StateEnum.COMPLETE);
        assertThat(completed.getMetrics()).containsEntry("score", 0.9);
        TrialView stored = trials.getTrial(trial.getId());
        assertThat(stored.getMeasurements()).singleElement()
                .satisfies(m -> assertThat(m.getMetrics()).containsEntry("score", 0.4));
        Best best = studies.getBest(study.getId());
        assertThat(best.getBest().getTrialIds()).containsExactly(trial.getId());
        assertThat(best.getObjective().getGoal()).isEqualTo(Objective.GoalEnum.MAXIMIZE);
    }

    @Test
    void readsTheSpecBackWithWhatWasSentAndEveryDefaultSpelledOut() throws ApiException {
        StudySpec spec = spec("generated-client-spec");

        StudyView study = studies.getStudy(studies.createStudy(spec).getId());

        JsonNode sent = json.valueToTree(spec);
        JsonNode shown = json.valueToTree(study.getSpec());
        assertThat(holds(shown, sent)).as(shown + " against " + sent).isTrue();
        assertThat(shown.at("/trialSettings/timeCap").asText()).as("a default spelled out").isEqualTo("10m");
        assertThat(shown.at("/fidelity/unit").asText()).as("a default spelled out").isEqualTo("SECONDS");
    }

    /** True when {@code whole} holds every field of {@code part} with the same value; arrays element by element. */
    private static boolean holds(JsonNode whole, JsonNode part) {
        if (part.isObject()) {
            for (var field = part.fields(); field.hasNext(); ) {
                var entry = field.next();
                if (!whole.has(entry.getKey()) || !holds(whole.get(entry.getKey()), entry.getValue())) {
                    return false;
                }
            }
            return whole.isObject();
        }
        if (part.isArray()) {
            if (!whole.isArray() || whole.size() != part.size()) {
                return false;
            }
            for (int i = 0; i < part.size(); i++) {
                if (!holds(whole.get(i), part.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return sameValue(whole, part) == 0;
    }

    @Test
    void refusalsArriveAsTheDocumentsProblemDetails() throws Exception {
        studies.createStudy(spec("generated-client-twice"));

        ApiException duplicate = catchThrowableOfType(ApiException.class,
                () -> studies.createStudy(spec("generated-client-twice")));
        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> studies.createStudy(spec("generated-client-invalid").budget(new Budget().maxTrials(0))));
        ApiException missing = catchThrowableOfType(ApiException.class, () -> studies.getStudy(Long.MAX_VALUE));
        ApiException withoutToken = catchThrowableOfType(ApiException.class,
                () -> new StudiesApi(client()).createStudy(spec("generated-client-no-token")));

        assertThat(problem(duplicate, 409).getDetail()).contains("generated-client-twice");
        assertThat(problem(invalid, 400).getErrors()).singleElement()
                .satisfies(e -> assertThat(e.getPath()).isEqualTo("budget.maxTrials"));
        assertThat(problem(missing, 404).getTitle()).isEqualTo("Not found");
        assertThat(problem(withoutToken, 401).getTitle()).isEqualTo("Unauthorized");
    }

    private Problem problem(ApiException refusal, int status) throws IOException {
        assertThat(refusal.getCode()).isEqualTo(status);
        assertThat(refusal.getResponseHeaders().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Problem problem = json.readValue(refusal.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        return problem;
    }

    /** A black-box study, written with the generated classes: the test itself trains its trials. */
    private static StudySpec spec(String name) {
        LinkedHashSet<ParameterValue> optimizers = new LinkedHashSet<>(List.of(new ParameterValue("sgd"),
                new ParameterValue("adam")));
        return new StudySpec().name(name)
                .objectives(List.of(new Objective().metric("score").goal(Objective.GoalEnum.MAXIMIZE)))
                .algorithm(new AlgorithmSettings().name(AlgorithmSettings.NameEnum.RANDOM))
                .budget(new Budget().maxTrials(2))
                .parameters(List.of(
                        new Parameter(new FloatParameter().name("learningRate").type(FloatParameter.TypeEnum.FLOAT)
                                .min(new BigDecimal("0.001")).max(new BigDecimal("0.1")).scale(Scale.LOG)),
                        new Parameter(new CategoricalParameter().name("optimizer")
                                .type(CategoricalParameter.TypeEnum.CATEGORICAL).values(optimizers))));
    }

    private ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        return client;
    }

    /** JSON values compared as JSON means them: numbers by value, whatever their Java type. */
    private static int sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }
}
