package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ConstraintTest {

    @Test
    void violationIsTheDistanceOutsideTheBounds() {
        Constraint accuracy = Constraint.atLeast("accuracy", 0.9);
        Constraint macs = Constraint.atMost("macs", 2e8);
        Constraint both = Constraint.between("accuracy", 0.5, 0.7);

        assertThat(accuracy.violation(0.95)).isZero();
        assertThat(accuracy.violation(0.9)).isZero();
        assertThat(accuracy.violation(0.85)).isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(macs.violation(3e8)).isEqualTo(1e8);
        assertThat(both.violation(0.8)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(both.satisfiedBy(0.6)).isTrue();
    }

    @Test
    void aValueThatCannotBeJudgedIsNeverFeasible() {
        assertThat(Constraint.atMost("loss", 1).violation(Double.NaN)).isInfinite();
        assertThat(Constraint.atMost("loss", 1).relativeViolation(Double.NaN)).isInfinite();
    }

    @Test
    void relativeViolationWeighsEachBoundBreachBySizeOfTheBound() {
        assertThat(Constraint.atLeast("accuracy", 0.8).relativeViolation(0.7)).isCloseTo(0.125, within(1e-12));
        assertThat(Constraint.atMost("macs", 2e8).relativeViolation(3e8)).isCloseTo(0.5, within(1e-12));
        assertThat(Constraint.atMost("macs", 2e8).relativeViolation(1e8)).isZero();
        assertThat(Constraint.atLeast("gain", 0).relativeViolation(-0.25)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void needsABoundAndOrderedBounds() {
        assertThatThrownBy(() -> new Constraint("macs", OptionalDouble.empty(), OptionalDouble.empty()))
                .hasMessage("macs: a constraint needs min, max or both");
        assertThatThrownBy(() -> Constraint.between("accuracy", 0.9, 0.8))
                .hasMessage("accuracy: min 0.9 is above max 0.8");
    }
}
