package dev.hpo.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void keepsACopyOfItsMetrics() {
        Map<String, Double> metrics = new HashMap<>(Map.of("accuracy", 0.8));
        Measurement m = Measurement.of(100, 12.5, metrics);
        metrics.put("accuracy", 0.1);

        assertThat(m.metric("accuracy")).isEqualTo(0.8);
        assertThat(m.has("loss")).isFalse();
        assertThatThrownBy(() -> m.metrics().put("loss", 1.0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNegativeStepsAndTimesAndNonFiniteMetrics() {
        assertThatThrownBy(() -> Measurement.of(-1, 0, Map.of())).hasMessage("step must be at least 0, got -1");
        assertThatThrownBy(() -> Measurement.of(0, Double.NaN, Map.of()))
                .hasMessage("elapsedSeconds must be a finite number >= 0, got NaN");
        assertThatThrownBy(() -> Measurement.of(0, 1, Map.of("loss", Double.POSITIVE_INFINITY)))
                .hasMessage("metric 'loss' must be a finite number, got Infinity");
        assertThatThrownBy(() -> Measurement.of(0, 1, Map.of(" ", 1.0))).hasMessage("metric names must not be blank");
    }

    @Test
    void namesTheMissingMetric() {
        assertThatThrownBy(() -> Measurement.of(1, 1, Map.of("loss", 2.0)).metric("accuracy"))
                .hasMessage("measurement has no metric 'accuracy', only [loss]");
    }
}
