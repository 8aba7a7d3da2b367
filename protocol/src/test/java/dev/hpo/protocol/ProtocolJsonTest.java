package dev.hpo.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.study.Fidelity;
import dev.hpo.study.FieldError;
import dev.hpo.study.Objective;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every record survives the trip to JSON and back, under the field names the API and its clients use. */
class ProtocolJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00.123456Z");

    private static final Candidate CANDIDATE = new Candidate(11, Map.of("width", 0.5), List.of(7L, 8L),
            Map.of("accuracy", 0.9), Map.of("accuracy", 0.01), true, 0);
    private static final TrialView TRIAL = new TrialView(7, 3, 1, 11, 0, TrialState.COMPLETE, false, false,
            new LinkedHashMap<>(Map.of("width", 0.5)), Map.of("accuracy", 0.9), "w1", "pytorch", 1, null, null,
            CREATED, CREATED, CREATED, CREATED, 2.0,
            List.of(new MeasurementView(1, 2, 1.5, Map.of("loss", 0.3), CREATED)));

    static Stream<Object> records() {
        Map<TrialState, Long> counts = new EnumMap<>(TrialState.class);
        counts.put(TrialState.WAITING, 2L);
        counts.put(TrialState.COMPLETE, 5L);
        return Stream.of(
                Suggest.of("w1", 2),
                new Suggestions(List.of(new Suggestion(7, 3, 1, 11, 0, 1, false, Map.of("width", 0.5), 5, 90, 60,
                        Fidelity.steps(52), PLAIN.createObjectNode().put("timeCap", "90s"), true)), false),
                MeasurementReport.of(2, 1.5, Map.of("loss", 0.3)).by("w1"),
                new Heartbeat("w1"),
                Completion.of(Map.of("accuracy", 0.9), "w1"),
                Completion.failure("time cap", "w1"),
                new Release("w1"),
                new StopDecision(true),
                new Enqueue(Map.of("width", 0.5, "optimizer", "adam")),
                TRIAL,
                new Page<>(List.of(TRIAL), 0, 50, 1, 1),
                new StudyView(3, "fm", StudyState.RUNNING, CREATED, null, 8, 8, counts, CANDIDATE,
                        Fidelity.seconds(Duration.ofSeconds(90)), PLAIN.createObjectNode().put("name", "fm")),
                new Best(3, Objective.maximize("accuracy"), CANDIDATE),
                new Pareto(3, List.of(Objective.maximize("accuracy"), Objective.minimize("macs")), List.of(CANDIDATE)),
                new Problem("about:blank", "Invalid request", 400, "The request is invalid.", "/api/studies",
                        List.of(new FieldError("count", "must be at least 1"))),
                new StudyArchive(StudyArchive.FORMAT_VERSION, new ArchivedStudy(3L, StudyState.COMPLETED, false,
                        CREATED, CREATED, PLAIN.createObjectNode().put("name", "fm")),
                        List.of(new ArchivedTrial(7L, 1L, 1L, 0, false, false, TrialState.PRUNED, TrialState.PRUNED,
                                new LinkedHashMap<>(Map.of("width", 0.5)), Map.of("accuracy", 0.4), "w1", "dl4j", 2,
                                null, CREATED, CREATED, CREATED, null)),
                        List.of(new ArchivedMeasurement(1L, 2, 3L, 4.5, Map.of("accuracy", 0.4), CREATED)),
                        List.of(new ArtifactReference(1L, "network.zip", 1024L, "ab".repeat(32)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void everyRecordReadsBackAsItWasWritten(Object record) throws Exception {
        String json = ProtocolJson.write(record);

        Object back = ProtocolJson.read(json.getBytes(StandardCharsets.UTF_8), record.getClass());

        assertThat(ProtocolJson.write(back)).isEqualTo(json);
        if (!(record instanceof Page<?>)) {
            assertThat(back).usingRecursiveComparison().isEqualTo(record);
        }
    }

    @Test
    void aSuggestionCarriesItsCapsInSecondsOnlyAndItsBudgetInItsUnit() throws Exception {
        Suggestion suggestion = new Suggestion(7, 3, 1, 11, 0, 1, false, Map.of(), 5, 90, 60, Fidelity.steps(52),
                PLAIN.createObjectNode(), false);

        assertThat(fields(suggestion)).containsExactly("id", "studyId", "number", "configKey", "repeat", "attempt",
                "confirmation", "parameters", "seed", "timeCapSeconds", "heartbeatTimeoutSeconds", "fidelity", "trialSettings",
                "keepArtifacts");
        assertThat(PLAIN.readTree(ProtocolJson.write(suggestion)).get("fidelity").toString())
                .isEqualTo("{\"unit\":\"STEPS\",\"max\":52.0}");
    }

    @Test
    void absentValuesAreLeftOutAndInstantsAreIsoText() throws Exception {
        TrialView waiting = new TrialView(7, 3, 1, 11, 0, TrialState.WAITING, true, false, Map.of(), Map.of(), null,
                null, 0, null, null, CREATED, null, null, null, null, null);

        JsonNode json = PLAIN.readTree(ProtocolJson.write(waiting));

        assertThat(fields(waiting)).containsExactly("id", "studyId", "number", "configKey", "repeat", "state",
                "enqueued", "confirmation", "parameters", "metrics", "attempts", "createdAt");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-01-01T10:00:00.123456Z");
    }

    @Test
    void fieldsANewerApiAddsAreIgnored() throws Exception {
        StopDecision decision = ProtocolJson.read("{\"shouldStop\": true, \"reason\": \"pruned\"}"
                .getBytes(StandardCharsets.UTF_8), StopDecision.class);

        assertThat(decision.shouldStop()).isTrue();
    }

    private static List<String> fields(Object record) throws Exception {
        List<String> names = new ArrayList<>();
        PLAIN.readTree(ProtocolJson.write(record)).fieldNames().forEachRemaining(names::add);
        return names;
    }
}
