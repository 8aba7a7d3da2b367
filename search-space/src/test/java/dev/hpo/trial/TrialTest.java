package dev.hpo.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.space.Configuration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialTest {

    private static final Configuration CONFIG = Configuration.of(Map.of("width", 0.5));

    @Test
    void aStoppedTrialsResultIsItsLastMeasurementWithFinalMetricsOnTop() {
        Trial pruned = Trial.of(3, CONFIG, TrialState.PRUNED, Map.of("macs", 1e6),
                List.of(Measurement.of(1, 10, Map.of("accuracy", 0.5)), Measurement.of(2, 20, Map.of("accuracy", 0.6))),
                false, Instant.EPOCH);

        assertThat(pruned.result()).containsExactlyInAnyOrderEntriesOf(Map.of("accuracy", 0.6, "macs", 1e6));
    }

    @Test
    void aCompletedTrialsResultIsItsFinalMetricsAndARunningOneHasNone() {
        Trial complete = Trial.of(1, CONFIG, TrialState.COMPLETE, Map.of("accuracy", 0.9),
                List.of(Measurement.of(1, 10, Map.of("accuracy", 0.5))), false, Instant.EPOCH);
        Trial running = Trial.of(2, CONFIG, TrialState.RUNNING, Map.of(),
                List.of(Measurement.of(1, 10, Map.of("accuracy", 0.5))), false, Instant.EPOCH);

        assertThat(complete.result()).containsExactlyEntriesOf(Map.of("accuracy", 0.9));
        assertThat(running.result()).isEmpty();
    }

    @Test
    void rejectsAStopRequestThatIsNotAnEndingOfAStoppedTrial() {
        assertThatThrownBy(() -> new Trial(1, 1, 0, 0, 0, false, false, CONFIG, TrialState.RUNNING, TrialState.COMPLETE,
                "w", "dl4j", 1, Map.of(), null, List.of(), Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRUNED or STOPPED");
    }

    @Test
    void rejectsAConfigurationKeyAfterItsOwnNumber() {
        assertThatThrownBy(() -> Trial.waiting(1, 4, 5, 0, false, CONFIG, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("configKey");
    }

    @Test
    void aClaimStartsTheNextAttemptWithoutMeasurements() {
        Trial waiting = Trial.of(1, CONFIG, TrialState.RUNNING, Map.of(),
                List.of(Measurement.of(1, 10, Map.of("accuracy", 0.5))), false, Instant.EPOCH).requeue();

        Trial claimed = waiting.claim("w2", "pytorch", Instant.ofEpochSecond(5));

        assertThat(claimed.state()).isEqualTo(TrialState.RUNNING);
        assertThat(claimed.attempts()).isEqualTo(2);
        assertThat(claimed.workerId()).isEqualTo("w2");
        assertThat(claimed.engine()).isEqualTo("pytorch");
        assertThat(claimed.measurements()).isEmpty();
        assertThat(claimed.heartbeatAt()).isEqualTo(Instant.ofEpochSecond(5));
    }

    @Test
    void aFinishedTrialCannotBeClaimedRequeuedOrFinishedAgain() {
        Trial done = Trial.completed(1, CONFIG, Map.of("accuracy", 0.9));

        assertThatThrownBy(() -> done.claim("w", "dl4j", Instant.EPOCH)).isInstanceOf(IllegalTrialTransitionException.class)
                .hasMessageContaining("final");
        assertThatThrownBy(done::requeue).isInstanceOf(IllegalTrialTransitionException.class);
        assertThatThrownBy(() -> done.finish(TrialState.FAILED, Map.of(), "x", Instant.EPOCH))
                .isInstanceOf(IllegalTrialTransitionException.class);
        assertThatThrownBy(() -> done.requestStop(TrialState.PRUNED))
                .isInstanceOf(IllegalTrialTransitionException.class);
    }

    @Test
    void aRunningTrialCannotFinishInAStateThatIsNotAnEnd() {
        Trial running = Trial.pending(1, CONFIG);

        assertThatThrownBy(() -> running.finish(TrialState.RUNNING, Map.of(), null, Instant.EPOCH))
                .isInstanceOf(IllegalTrialTransitionException.class);
        assertThat(running.requestStop(TrialState.PRUNED).finish(TrialState.PRUNED, Map.of(), null, Instant.EPOCH)
                .state()).isEqualTo(TrialState.PRUNED);
    }
}
