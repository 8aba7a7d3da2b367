package dev.hpo.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.protocol.Problem;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Transport;
import dev.hpo.reliability.support.ApiServer;
import dev.hpo.reliability.support.Database;
import dev.hpo.reliability.support.Figures;
import dev.hpo.reliability.support.Studies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated study specs and worker-protocol bodies against a running API: every answer is a success
 * or a 4xx problem detail naming the fields at fault, never a 5xx, and a refused study leaves nothing stored.
 */
class ProtocolFuzzIT {

    private static final String TOKEN = "fuzz-token";
    private static final String BASE_NAME = "fuzz-base";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode BASE_SPEC = parse("""
            {"name": "fuzz-base",
             "description": "a spec every mutation starts from",
             "objectives": [{"metric": "loss", "goal": "MINIMIZE"}, {"metric": "macs", "goal": "MINIMIZE"}],
             "constraints": [{"metric": "accuracy", "min": 0.5}],
             "algorithm": {"name": "NSGA2", "populationSize": 8,
                           "earlyStopping": {"rule": "MEDIAN", "minFraction": 0.3, "minTrials": 5}},
             "budget": {"maxTrials": 20, "maxDuration": "1h", "parallelism": 4},
             "trialSettings": {"timeCap": "2m", "repeats": 1, "heartbeatTimeout": "30s", "maxRetries": 1,
                               "dataset": {"name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 10},
                               "model": {"family": "resnet9"}},
             "parameters": [
               {"name": "width", "type": "float", "min": 0.25, "max": 1.0},
               {"name": "batchSize", "type": "int", "min": 32, "max": 256, "scale": "log"},
               {"name": "optimizer", "type": "categorical", "values": ["sgd", "adam"]},
               {"name": "sam", "type": "categorical", "values": ["off", "on"]},
               {"name": "samRho", "type": "float", "min": 0.01, "max": 0.2, "when": {"sam": ["on"]}}],
             "seed": 3}
            """);

    private static ApiServer api;
    private static ApiClient client;
    private static long studyId;
    private static long trialId;
    private static int studiesBefore;
    private static final AtomicInteger inputs = new AtomicInteger();
    private static final AtomicInteger created = new AtomicInteger();
    private static final AtomicInteger fiveHundreds = new AtomicInteger();
    private static final Map<Integer, AtomicInteger> statuses = new TreeMap<>();

    @BeforeContainer
    static void startApi() throws IOException {
        Path data = Files.createTempDirectory(Path.of("target"), "h2-fuzz").toAbsolutePath();
        api = ApiServer.start(Database.h2(data), TOKEN, "ProtocolFuzzIT", Map.of());
        client = api.client();
        studyId = Studies.create(client, Studies.spec("fuzz-protocol", 100_000, "10m", 3));
        trialId = client.suggest(studyId, Suggest.of("fuzzer", 1)).trials().get(0).id();
        studiesBefore = client.studies().size();
    }

    @AfterContainer
    static void stopApi() {
        if (api == null) {
            return;
        }
        int studiesAfter = client.studies().size();
        Figures.of("fuzz").with("database", "H2").with("inputsTried", inputs.get()).with("statuses", statuses)
                .with("fiveHundreds", fiveHundreds.get()).with("studiesCreated", created.get())
                .with("studiesBefore", studiesBefore).with("studiesAfter", studiesAfter)
                .with("halfStudies", studiesAfter - studiesBefore - created.get()).print();
        api.close();
        assertThat(studiesAfter - studiesBefore).as("studies stored beyond those answered 201").isEqualTo(created.get());
    }

    @Property(tries = 300)
    void mutatedStudySpecsAreCreatedOrRefusedNamingTheField(@ForAll("mutatedSpecs") String spec) throws IOException {
        postStudy(spec);
    }

    @Property(tries = 150)
    void arbitraryBodiesNeverCreateAStudyOrFailTheService(@ForAll("arbitraryBodies") String body) throws IOException {
        postStudy(body);
    }

    @Property(tries = 300)
    void mutatedWorkerReportsAreAcceptedOrRefusedNamingTheField(@ForAll("workerRequests") WorkerRequest request)
            throws IOException {
        Transport.Response response = client.raw("POST", request.path(), request.body());
        check(request.path(), request.body(), response);
    }

    private static void postStudy(String body) throws IOException {
        int before = client.studies().size();
        Transport.Response response = client.raw("POST", "api/studies", body);
        check("api/studies", body, response);
        int after = client.studies().size();
        if (response.status() == 201) {
            created.incrementAndGet();
            assertThat(after).as("a created study is stored").isEqualTo(before + 1);
        } else {
            assertThat(after).as("a refused spec leaves nothing stored: %s", body).isEqualTo(before);
        }
    }

    private static void check(String path, String body, Transport.Response response) {
        inputs.incrementAndGet();
        synchronized (statuses) {
            statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
        }
        if (response.status() >= 500) {
            fiveHundreds.incrementAndGet();
        }
        String shown = body.length() > 500 ? body.substring(0, 500) + "..." : body;
        String answer = response.text();
        assertThat(response.status()).as("POST %s %s -> %s", path, shown, answer).isLessThan(500);
        assertThat(answer).as("no internals leak").doesNotContain("Exception").doesNotContain("\tat ");
        if (response.status() >= 400) {
            Problem problem = problem(answer);
            assertThat(problem.status()).as("a problem detail: %s", answer).isEqualTo(response.status());
            if (response.status() == 400) {
                assertThat(problem.errors()).as("400 for %s names the fields: %s", shown, answer).isNotEmpty();
                problem.errors().forEach(error -> {
                    assertThat(error.path()).as("field path in %s", answer).isNotBlank();
                    assertThat(error.message()).as("message in %s", answer).isNotBlank();
                });
            }
        }
    }

    /** The answer as the protocol's problem detail; a failed test when it is not one. */
    private static Problem problem(String answer) {
        try {
            return ProtocolJson.read(answer.getBytes(StandardCharsets.UTF_8), Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem detail (" + e.getMessage() + "): " + answer, e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        return JsonMutations.mutations().map(mutations -> {
            JsonNode spec = JsonMutations.apply(BASE_SPEC, mutations);
            // Valid mutations must not collide on the name, or they would test only the 409 path.
            if (spec instanceof ObjectNode object && BASE_NAME.equals(object.path("name").asText(null))) {
                object.put("name", "fuzz-" + Long.toString(System.nanoTime(), 36));
            }
            return spec.toString();
        });
    }

    @Provide
    Arbitrary<String> arbitraryBodies() {
        return Arbitraries.oneOf(
                JsonMutations.values().map(JsonNode::toString),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of("", "{", "[]", "{}", "null", "{\"name\": \"a\", \"name\": \"b\"}", "{\"name\":\"x\"} {}",
                        "{\"seed\": 1e999}", "{\"seed\": NaN}", "\"spec\""),
                // Larger than the service accepts: 413, not a 500 or an out-of-memory.
                Arbitraries.just("{\"description\": \"" + "x".repeat(1_100_000) + "\"}"));
    }

    @Provide
    Arbitrary<WorkerRequest> workerRequests() {
        Map<String, JsonNode> bases = Map.of(
                "api/studies/" + studyId + "/suggestions", parse("{\"workerId\": \"fuzzer\", \"count\": 1}"),
                "api/trials/" + trialId + "/measurements",
                parse("{\"step\": 1, \"elapsedSeconds\": 1.5, \"metrics\": {\"loss\": 0.5}, \"workerId\": \"fuzzer\"}"),
                "api/trials/" + trialId + "/heartbeat", parse("{\"workerId\": \"fuzzer\"}"),
                "api/trials/" + trialId + "/complete",
                parse("{\"metrics\": {\"loss\": 0.4}, \"workerId\": \"fuzzer\"}"));
        List<String> paths = List.copyOf(bases.keySet());
        Arbitrary<String> targets = Arbitraries.oneOf(Arbitraries.of(paths), Arbitraries.of(
                "api/studies/999999999/suggestions", "api/trials/999999999/complete",
                "api/trials/abc/measurements", "api/studies/-1/suggestions",
                "api/trials/99999999999999999999/heartbeat"));
        return Combinators.combine(targets, JsonMutations.mutations(), Arbitraries.integers().between(0, 9))
                .as((path, mutations, mutate) -> {
                    JsonNode base = bases.getOrDefault(path, bases.get(paths.get(0)));
                    // Mostly mutated; now and then the valid body, so later requests meet a changed state.
                    JsonNode body = mutate == 0 ? base : JsonMutations.apply(base, mutations);
                    return new WorkerRequest(path, body.toString());
                });
    }

    /** One request of the worker protocol: where it goes and its JSON body. */
    record WorkerRequest(String path, String body) {
    }
}
