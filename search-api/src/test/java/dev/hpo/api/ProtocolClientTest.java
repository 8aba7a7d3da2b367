package dev.hpo.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.hpo.protocol.Best;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.Pareto;
import dev.hpo.protocol.Release;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.protocol.client.Retry;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The protocol's client against the service itself: every endpoint it has a method for, so the records the
 * controllers write are the records the client reads, field for field.
 */
@ApiTest
class ProtocolClientTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = ApiClient.http(URI.create("http://127.0.0.1:" + port), Optional.empty(), Retry.never());
    }

    @Test
    void aStudyRunsThroughTheWorkerProtocol() {
        StudyView created = api.createStudy(Specs.minimizeLoss("client-" + System.nanoTime(), 2, 2));
        assertThat(created.state()).isEqualTo(StudyState.RUNNING);
        assertThat(created.spec().path("name").asText()).isEqualTo(created.name());

        Suggestions handed = api.suggest(created.id(), Suggest.of("w1", 2));
        assertThat(handed.trials()).hasSize(2);
        Suggestion first = handed.trials().get(0);
        assertThat(first.studyId()).isEqualTo(created.id());
        assertThat(first.timeCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(first.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(first.parameters()).containsOnlyKeys("learningRate", "optimizer", "batchSize");
        assertThat(first.trialSettings().path("timeCap").asText()).isEqualTo("10m");

        assertThat(api.measure(first.id(), MeasurementReport.of(1, 0.5, Map.of("loss", 0.8)).by("w1")).shouldStop())
                .isFalse();
        assertThat(api.heartbeat(first.id(), new Heartbeat("w1")).shouldStop()).isFalse();
        TrialView done = api.complete(first.id(), Completion.of(Map.of("loss", 0.4), "w1"));
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.finishedAt()).isNotNull();
        Suggestion second = handed.trials().get(1);
        assertThat(api.release(second.id(), new Release("w1")).state()).isEqualTo(TrialState.WAITING);

        TrialView stored = api.trial(first.id());
        assertThat(stored.metrics()).containsEntry("loss", 0.4);
        assertThat(stored.measurements()).singleElement().satisfies(m -> {
            assertThat(m.step()).isEqualTo(1);
            assertThat(m.metrics()).containsEntry("loss", 0.8);
            assertThat(m.reportedAt()).isNotNull();
        });
        Best best = api.best(created.id());
        assertThat(best.objective().metric()).isEqualTo("loss");
        assertThat(best.best().trialIds()).containsExactly(first.id());
        StudyView study = api.study(created.id());
        assertThat(study.trialCounts()).containsEntry(TrialState.COMPLETE, 1L).containsEntry(TrialState.WAITING, 1L);
        assertThat(study.best().metrics()).containsEntry("loss", 0.4);
        assertThat(api.studies()).extracting(StudyView::id).contains(created.id());
    }

    @Test
    void trialsArePagedFilteredExportedAndEnqueued() {
        StudyView created = api.createStudy(Specs.minimizeLoss("client-trials-" + System.nanoTime(), 5, 1));

        List<TrialView> enqueued = api.enqueue(created.id(), new Enqueue(Map.of("learningRate", 0.01,
                "optimizer", "adam", "batchSize", 64)));

        assertThat(enqueued).singleElement().satisfies(t -> assertThat(t.enqueued()).isTrue());
        Page<TrialView> page = api.trials(created.id(), TrialState.WAITING, 0, 50);
        assertThat(page.items()).extracting(TrialView::id).contains(enqueued.get(0).id());
        assertThat(page.totalItems()).isEqualTo(page.items().size());
        assertThat(api.allTrials(created.id(), TrialState.RUNNING)).isEmpty();
        assertThat(api.trialsCsv(created.id())).startsWith("id,number,state,").contains("param.optimizer")
                .contains("adam");
        assertThat(api.stopStudy(created.id()).state()).isEqualTo(StudyState.STOPPED);
    }

    @Test
    void aTwoObjectiveStudyHasAParetoFront() {
        StudyView created = api.createStudy(Specs.twoObjectives("client-pareto-" + System.nanoTime(), 4));
        for (Suggestion trial : api.suggest(created.id(), Suggest.of("w1", 2)).trials()) {
            api.complete(trial.id(), Completion.of(Map.of("accuracy", 0.6 + trial.number() / 10.0,
                    "macs", 1000.0 * trial.number()), "w1"));
        }

        Pareto pareto = api.pareto(created.id());

        assertThat(pareto.objectives()).extracting(o -> o.metric()).containsExactly("accuracy", "macs");
        assertThat(pareto.front()).isNotEmpty().allSatisfy(c -> assertThat(c.feasible()).isTrue());
    }

    @Test
    void aRefusalCarriesTheProblemDetailTheServiceWrote() {
        String invalid = Specs.minimizeLoss("client-invalid", 0, 1).replace("\"MINIMIZE\"", "\"DOWNWARDS\"");

        assertThatThrownBy(() -> api.createStudy(invalid)).asInstanceOf(type(ApiException.class))
                .satisfies(e -> {
                    assertThat(e.refused()).isTrue();
                    assertThat(e.status()).hasValue(400);
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        assertThat(p.status()).isEqualTo(400);
                        assertThat(p.title()).isEqualTo("Invalid request");
                        assertThat(p.headline()).hasValue("The study spec is invalid.");
                        assertThat(p.instance()).isEqualTo("/api/studies");
                        assertThat(p.fieldMessages()).anyMatch(m -> m.startsWith("objectives[0].goal: "))
                                .anyMatch(m -> m.startsWith("budget.maxTrials: "));
                    });
                });
        assertThatThrownBy(() -> api.trial(987_654_321)).asInstanceOf(type(ApiException.class))
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo("HTTP 404: Trial 987654321 does not exist."));
    }

    @Test
    void aRawRequestReachesTheServiceAsWritten() {
        var answer = api.raw("POST", "api/studies", "{\"name\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(api.healthy()).isTrue();
    }
}
