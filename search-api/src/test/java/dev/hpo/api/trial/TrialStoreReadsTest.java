package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.api.Specs;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the store's readers (the dashboard among them) read in one go: several trials, steps, a revision tag. */
@ApiTest
class TrialStoreReadsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z").truncatedTo(ChronoUnit.MICROS);

    @LocalServerPort
    int port;

    @Autowired
    TrialStore store;
    @Autowired
    MeasurementStore measurements;

    long study;

    @BeforeEach
    void createStudy() {
        study = new HttpApi(port).createStudy(Specs.minimizeLoss("reads-" + System.nanoTime(), 50, 50));
    }

    private Trial waiting(int number) {
        return store.create(List.of(Trial.waiting(study, number, number, 0, false,
                Configuration.of(Map.of("learningRate", 0.01, "optimizer", "sgd", "batchSize", 64)), T0))).get(0);
    }

    private Trial claimed(Trial waiting, String worker) {
        assertThat(store.update(waiting, waiting.claim(worker, "dl4j", T0))).isTrue();
        return store.find(waiting.id()).orElseThrow();
    }

    @Test
    void severalTrialsComeWithTheirLatestAttemptsMeasurementsAndUnknownIdsAreLeftOut() {
        Trial lost = claimed(waiting(0), "lost");
        measurements.add(lost, Measurement.of(1, 5, Map.of("loss", 0.9)), T0.plusSeconds(5));
        Trial read = store.find(lost.id()).orElseThrow();
        assertThat(store.update(read, read.requeue())).isTrue();
        Trial again = claimed(store.find(lost.id()).orElseThrow(), "rescuer");
        measurements.add(again, Measurement.of(1, 4, Map.of("loss", 0.7)), T0.plusSeconds(9));
        measurements.add(again, Measurement.of(2, 8, Map.of("loss", 0.5)), T0.plusSeconds(13));
        Trial quiet = waiting(1);

        List<Trial> found = store.find(List.of(quiet.id(), again.id(), 987_654_321L), true);

        assertThat(found).extracting(Trial::id).containsExactlyInAnyOrder(quiet.id(), again.id());
        Trial measured = found.stream().filter(t -> t.id() == again.id()).findFirst().orElseThrow();
        assertThat(measured.measurements()).extracting(m -> m.metric("loss")).containsExactly(0.7, 0.5);
        assertThat(store.find(List.of(again.id()), false).get(0).measurements()).isEmpty();
        assertThat(store.find(List.of(), true)).isEmpty();
    }

    @Test
    void measuredStepsCountDistinctStepsOverEveryAttempt() {
        Trial lost = claimed(waiting(0), "lost");
        measurements.add(lost, Measurement.of(1, 5, Map.of("loss", 0.9)), T0.plusSeconds(5));
        measurements.add(lost, Measurement.of(2, 9, Map.of("loss", 0.8)), T0.plusSeconds(9));
        Trial read = store.find(lost.id()).orElseThrow();
        assertThat(store.update(read, read.requeue())).isTrue();
        Trial again = claimed(store.find(lost.id()).orElseThrow(), "rescuer");
        measurements.add(again, Measurement.of(1, 4, Map.of("loss", 0.7)), T0.plusSeconds(14));
        measurements.add(again, Measurement.of(3, 12, Map.of("loss", 0.4)), T0.plusSeconds(22));
        Trial quiet = waiting(1);

        Map<Long, Integer> steps = measurements.measuredSteps(study);

        assertThat(steps).containsEntry(again.id(), 3).doesNotContainKey(quiet.id());
    }

    @Test
    void theRevisionChangesWithEveryTrialAddedChangedOrMeasuredButNotWithAHeartbeat() {
        String empty = store.revision(study);
        Trial first = waiting(0);
        String added = store.revision(study);
        Trial running = claimed(first, "w");
        String claimed = store.revision(study);
        measurements.add(running, Measurement.of(1, 5, Map.of("loss", 0.9)), T0.plusSeconds(5));
        String measured = store.revision(study);
        store.heartbeat(running, T0.plusSeconds(6));
        String afterHeartbeat = store.revision(study);
        Trial read = store.find(running.id()).orElseThrow();
        assertThat(store.update(read, read.finish(TrialState.COMPLETE, Map.of("loss", 0.5), null,
                T0.plusSeconds(7)))).isTrue();
        String finished = store.revision(study);

        assertThat(List.of(empty, added, claimed, measured, finished)).doesNotHaveDuplicates();
        assertThat(afterHeartbeat).isEqualTo(measured);
    }
}
