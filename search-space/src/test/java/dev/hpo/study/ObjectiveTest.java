package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    void aLossIsSmallerForTheBetterValueWhateverTheGoal() {
        assertThat(Objective.maximize("accuracy").loss(0.9)).isLessThan(Objective.maximize("accuracy").loss(0.8));
        assertThat(Objective.minimize("macs").loss(1e6)).isLessThan(Objective.minimize("macs").loss(2e6));
        assertThat(Objective.minimize("macs").loss(5)).isEqualTo(5);
    }
}
