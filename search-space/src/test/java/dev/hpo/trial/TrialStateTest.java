package dev.hpo.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TrialStateTest {

    @ParameterizedTest
    @CsvSource({
        "WAITING, RUNNING", "WAITING, STOPPED",
        "RUNNING, COMPLETE", "RUNNING, FAILED", "RUNNING, PRUNED", "RUNNING, STOPPED", "RUNNING, WAITING"})
    void allowsTheLifecycleMoves(TrialState from, TrialState to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isEqualTo(to);
    }

    @Test
    void allowsNothingElse() {
        int allowed = 0;
        for (TrialState from : TrialState.values()) {
            for (TrialState to : TrialState.values()) {
                allowed += from.canMoveTo(to) ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(value = TrialState.class, names = {"COMPLETE", "FAILED", "PRUNED", "STOPPED"})
    void aFinishedTrialCannotBeChanged(TrialState finished) {
        assertThat(finished.isFinished()).isTrue();
        assertThat(finished.successors()).isEmpty();
        for (TrialState next : TrialState.values()) {
            assertThatThrownBy(() -> finished.moveTo(next))
                    .isInstanceOf(IllegalTrialTransitionException.class)
                    .hasMessage("trial is " + finished + ", which is final; it cannot move to " + next);
        }
    }

    @Test
    void aWaitingTrialCannotFinishWithoutRunning() {
        assertThatThrownBy(() -> TrialState.WAITING.moveTo(TrialState.COMPLETE))
                .isInstanceOf(IllegalTrialTransitionException.class)
                .hasMessage("a WAITING trial cannot move to COMPLETE; it can move to [RUNNING, STOPPED]");
        assertThatThrownBy(() -> TrialState.RUNNING.moveTo(TrialState.RUNNING))
                .hasMessage("trial is already RUNNING");
    }

    @Test
    void onlyWaitingAndRunningAreUnfinished() {
        assertThat(EnumSet.allOf(TrialState.class).stream().filter(s -> !s.isFinished()))
                .containsExactly(TrialState.WAITING, TrialState.RUNNING);
    }
}
