package dev.hpo.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WarmupCosineScheduleTest {

    private final WarmupCosineSchedule schedule = new WarmupCosineSchedule(0.2, 0.1);

    @ParameterizedTest(name = "lr({0}) = {1}")
    @CsvSource({
        "-1, 0",
        "0, 0",
        "0.05, 0.1",
        "0.1, 0.2",
        "0.55, 0.1",
        "1, 0",
        "2, 0",
    })
    void warmsUpLinearlyThenDecaysAlongACosine(double fraction, double expected) {
        assertThat(schedule.at(fraction)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void decaysMonotonicallyAfterTheWarmUp() {
        double previous = schedule.at(0.1);
        for (double f = 0.11; f <= 1; f += 0.01) {
            assertThat(schedule.at(f)).isLessThanOrEqualTo(previous);
            previous = schedule.at(f);
        }
    }

    @Test
    void withoutWarmUpStartsAtThePeak() {
        assertThat(new WarmupCosineSchedule(0.1, 0).at(0)).isEqualTo(0.1);
    }

    @Test
    void rejectsAWarmUpLastingTheWholeRun() {
        assertThatThrownBy(() -> new WarmupCosineSchedule(0.1, 1)).hasMessageContaining("warmupFraction");
    }
}
