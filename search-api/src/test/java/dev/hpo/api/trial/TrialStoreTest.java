package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import dev.hpo.space.Configuration;
import dev.hpo.trial.IllegalTrialTransitionException;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The store's one transition method, {@link TrialStore#update}, as a compare-and-set checked by TrialState. */
@ApiTest
class TrialStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TrialStore store;
    @Autowired
    MeasurementStore measurements;

    long study;

    @BeforeEach
    void createStudy() {
        study = new HttpApi(port).createStudy(Specs.minimizeLoss("store-" + System.nanoTime(), 50, 50));
    }

    private Trial waiting(int number) {
        return store.create(List.of(Trial.waiting(study, number, number, 0, false,
                Configuration.of(Map.of("learningRate", 0.01, "optimizer", "sgd", "batchSize", 64)),
                T0))).get(0);
    }

    @Test
    void ofManyUpdatesFromTheSameReadExactlyOneWins() throws Exception {
        Trial read = waiting(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "w" + w;
                claims.add(pool.submit((Callable<Boolean>) () -> store.update(read, read.claim(worker, "dl4j", T0))));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Trial stored = store.find(read.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(TrialState.RUNNING);
        assertThat(stored.attempts()).isEqualTo(1);
    }

    @Test
    void aChangeComputedFromAStaleReadLosesAndChangesNothing() {
        Trial running = claimed(waiting(1), "w");
        store.heartbeat(running, T0.plusSeconds(5));

        assertThat(store.update(running, running.requeue())).isFalse();
        assertThat(store.find(running.id()).orElseThrow().state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void aMoveTrialStateForbidsIsRefusedBeforeTheDatabaseIsAsked() {
        Trial running = claimed(waiting(2), "w");
        Trial done = running.finish(TrialState.COMPLETE, Map.of("loss", 0.3), null, T0.plusSeconds(9));
        assertThat(store.update(running, done)).isTrue();
        Trial stored = store.find(running.id()).orElseThrow();

        Trial forged = new Trial(stored.id(), stored.studyId(), stored.number(), stored.configKey(), 0, false,
                false, stored.parameters(), TrialState.WAITING, null, null, null, stored.attempts(), Map.of(), null, List.of(),
                stored.createdAt(), null, null, null);
        assertThatThrownBy(() -> store.update(stored, forged)).isInstanceOf(IllegalTrialTransitionException.class)
                .hasMessageContaining("final");
        assertThat(store.find(running.id()).orElseThrow().metrics()).containsEntry("loss", 0.3);
    }

    @Test
    void aTrialStoppedEarlyKeepsItsLastMeasurementAsItsResult() {
        Trial running = claimed(waiting(3), "w");
        measurements.add(running, Measurement.of(1, 10, Map.of("loss", 0.9)), T0.plusSeconds(10));
        measurements.add(running, Measurement.of(2, 20, Map.of("loss", 0.7)), T0.plusSeconds(20));
        measurements.add(running, Measurement.of(2, 21, Map.of("loss", 0.1)), T0.plusSeconds(21));
        Trial read = store.find(running.id()).orElseThrow();
        assertThat(store.update(read, read.requestStop(TrialState.PRUNED))).isTrue();

        Trial stopping = store.find(running.id()).orElseThrow();
        assertThat(store.update(stopping, stopping.finish(TrialState.PRUNED, Map.of("wallSeconds", 21.0), null,
                T0.plusSeconds(22)))).isTrue();

        Trial pruned = store.find(running.id()).orElseThrow();
        assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
        assertThat(pruned.measurements()).extracting(Measurement::step).containsExactly(1L, 2L);
        assertThat(pruned.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("loss", 0.7, "wallSeconds", 21.0));
        assertThat(store.ofStudy(study, false).stream().filter(t -> t.id() == pruned.id()).findFirst().orElseThrow()
                .result()).containsEntry("loss", 0.7);
    }

    @Test
    void aRequeuedTrialStartsItsNextAttemptWithoutMeasurementsAndKeepsTheEarlierOnes() {
        Trial first = claimed(waiting(4), "lost");
        measurements.add(first, Measurement.of(1, 5, Map.of("loss", 0.8)), T0.plusSeconds(5));
        Trial read = store.find(first.id()).orElseThrow();
        assertThat(store.update(read, read.requeue())).isTrue();

        Trial second = claimed(store.find(first.id()).orElseThrow(), "rescuer");

        assertThat(second.attempts()).isEqualTo(2);
        assertThat(store.find(first.id()).orElseThrow().measurements()).isEmpty();
        assertThat(measurements.history(first.id())).extracting(RecordedMeasurement::attempt).containsExactly(1);
    }

    private Trial claimed(Trial waiting, String worker) {
        Trial running = waiting.claim(worker, "dl4j", T0.truncatedTo(ChronoUnit.MICROS));
        assertThat(store.update(waiting, running)).isTrue();
        return store.find(waiting.id()).orElseThrow();
    }
}
