package dev.hpo.bench.optimizer.lcbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LcBenchSurrogateTest {

    private static LcBenchSurrogate surrogate;

    @BeforeAll
    static void load() {
        surrogate = LcBenchSurrogate.load();
    }

    @AfterAll
    static void close() {
        surrogate.close();
    }

    @Test
    void matchesTheReadmesSanityFigureForTheDefaultConfiguration() {
        float[][] row = surrogate.predict(3945, new float[][] {LcBenchConfig.DEFAULT.inputs(52)});

        assertThat((double) row[0][LcBenchSurrogate.VAL_ACCURACY]).isCloseTo(93.40, within(0.005));
        assertThat((double) row[0][LcBenchSurrogate.TIME]).isCloseTo(165.7, within(0.05));
    }

    @Test
    void aLearningCurveEndsAtTheFullRunsValueAndStartsLower() {
        double[] curve = surrogate.learningCurve(3945, LcBenchConfig.DEFAULT);

        assertThat(curve).hasSize(LcBenchSurrogate.EPOCHS);
        assertThat(curve[51]).isCloseTo(93.40, within(0.005));
        assertThat(curve[0]).isLessThan(curve[51]);
        assertThat(surrogate.valAccuracy(3945, List.of(LcBenchConfig.DEFAULT, LcBenchConfig.DEFAULT), 1))
                .containsExactly(curve[0], curve[0]);
    }

    @Test
    void tasksDifferAndAnUnknownTaskIsNamed() {
        assertThat(surrogate.learningCurve(7593, LcBenchConfig.DEFAULT)[51])
                .isNotCloseTo(93.40, within(0.5));
        assertThat(surrogate.knows(3945)).isTrue();
        assertThatThrownBy(() -> surrogate.learningCurve(12345, LcBenchConfig.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task 12345");
    }
}
