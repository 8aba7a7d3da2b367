package dev.hpo.api.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.api.ApiTest;
import dev.hpo.protocol.ArchivedMeasurement;
import dev.hpo.protocol.ArchivedTrial;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyArchive;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.protocol.client.Retry;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A finished study exported, imported under new ids and exported again, through the protocol's own client. */
@ApiTest
class StudyArchiveRoundTripTest {

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());
    }

    @Test
    void theArchiveHoldsEveryTrialAndEveryAttemptsMeasurements() throws Exception {
        StudyView study = FinishedStudy.run(api, "archived-" + System.nanoTime());

        StudyArchive archive = ProtocolJson.read(api.exportStudy(study.id()).getBytes(StandardCharsets.UTF_8),
                StudyArchive.class);

        assertThat(archive.formatVersion()).isEqualTo(2);
        assertThat(archive.study().state()).isEqualTo(study.state());
        assertThat(archive.study().spec().path("name").asText()).isEqualTo(study.name());
        assertThat(archive.trials()).extracting(ArchivedTrial::state).containsExactly(TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAILED);
        ArchivedTrial handedBack = archive.trials().get(1);
        assertThat(handedBack.attempts()).isEqualTo(2);
        assertThat(handedBack.engine()).isEqualTo("pytorch");
        assertThat(handedBack.workerId()).isEqualTo("gpu-1");
        assertThat(handedBack.metrics()).containsEntry("accuracy", 0.88);
        assertThat(handedBack.parameters()).containsOnlyKeys("lr", "optimizer", "batch");
        assertThat(archive.trials().get(2).stopRequested()).isEqualTo(TrialState.PRUNED);
        assertThat(archive.trials().get(3).failureReason()).isEqualTo("loss diverged at step 1");
        assertThat(archive.trials()).allSatisfy(t -> assertThat(t.finishedAt()).isNotNull());
        assertThat(archive.measurements()).filteredOn(m -> m.trialNumber() == 1)
                .extracting(ArchivedMeasurement::attempt, ArchivedMeasurement::step)
                .containsExactly(tuple(1, 2L), tuple(2, 5L), tuple(2, 10L));
        assertThat(archive.measurements()).hasSize(7);
        assertThat(archive.artifacts()).isEmpty();
    }

    @Test
    void exportedImportedAndExportedAgainTheDocumentsDifferOnlyInIdsAndTheNameTakenOnImport() throws Exception {
        String name = "round-trip-" + System.nanoTime();
        StudyView study = FinishedStudy.run(api, name);
        String first = api.exportStudy(study.id());

        StudyView imported = api.importStudy(first);
        String second = api.exportStudy(imported.id());

        assertThat(imported.id()).isNotEqualTo(study.id());
        assertThat(imported.name()).as("the name is taken here by the original").isEqualTo(name + "-imported");
        assertThat(imported.spec().path("name").asText()).isEqualTo(name + "-imported");
        JsonNode again = withoutIds(second);
        ((ObjectNode) again.path("study").path("spec")).put("name", name);
        assertThat(again).isEqualTo(withoutIds(first));
        assertThat(json.readTree(second).at("/trials/0/id").asLong())
                .isNotEqualTo(json.readTree(first).at("/trials/0/id").asLong());
    }

    @Test
    void anImportedStudyIsBrowsedLikeAnyOtherAndTakesNoNewTrials() {
        StudyView study = FinishedStudy.run(api, "browsed-" + System.nanoTime());

        StudyView imported = api.importStudy(api.exportStudy(study.id()));

        assertThat(imported.state()).isEqualTo(study.state());
        assertThat(imported.trialCounts()).isEqualTo(study.trialCounts());
        assertThat(imported.trialsCreated()).isEqualTo(4);
        assertThat(api.best(imported.id()).best().metrics()).isEqualTo(api.best(study.id()).best().metrics());
        List<TrialView> trials = api.allTrials(imported.id(), null);
        assertThat(trials).extracting(TrialView::studyId).containsOnly(imported.id());
        TrialView handedBack = api.trial(trials.get(1).id());
        assertThat(handedBack.measurements()).extracting(m -> m.attempt()).containsExactly(1, 2, 2);
        assertThat(api.trialsCsv(imported.id()).lines()).hasSize(5);
        assertThat(api.raw("GET", "api/dashboard/studies/" + imported.id(), null).status()).isEqualTo(200);

        assertThat(api.suggest(imported.id(), Suggest.of("late-worker", 2)).trials()).isEmpty();
        assertThatThrownBy(() -> api.enqueue(imported.id(), new Enqueue(Map.of("lr", 0.01, "optimizer", "sgd",
                "batch", 32)))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.isConflict()).isTrue());
        assertThat(api.stopStudy(imported.id()).state()).isEqualTo(study.state());
        assertThat(api.study(imported.id()).trialCounts()).isEqualTo(study.trialCounts());
    }

    @Test
    void aStudyThatStillRunsIsNotExported() {
        long running = api.createStudy(FinishedStudy.spec("running-" + System.nanoTime())).id();

        assertThatThrownBy(() -> api.exportStudy(running)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.isConflict()).isTrue();
            assertThat(e.getMessage()).contains("still running");
        });
        assertThatThrownBy(() -> api.exportStudy(987_654_321L)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void anEndedStudyWhoseTrialStillRunsIsExportedOnceItsWorkerReported() {
        long study = api.createStudy(FinishedStudy.spec("draining-" + System.nanoTime())).id();
        long trial = api.suggest(study, Suggest.of("slow", 1)).trials().get(0).id();
        assertThat(api.stopStudy(study).state()).isEqualTo(StudyState.STOPPED);

        assertThatThrownBy(() -> api.exportStudy(study)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("is still RUNNING"));
        api.complete(trial, Completion.of(Map.of(), "slow"));
        assertThat(api.exportStudy(study)).contains("\"STOPPED\"");
    }

    /** The document with the ids it was written with taken out: those an import gives anew. */
    private JsonNode withoutIds(String document) throws Exception {
        ObjectNode root = (ObjectNode) json.readTree(document);
        ((ObjectNode) root.get("study")).remove("id");
        root.withArray("trials").forEach(t -> ((ObjectNode) t).remove("id"));
        return root;
    }
}
