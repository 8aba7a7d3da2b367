package dev.hpo.bench.optimizer.lcbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BestReachableTest {

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
    void theLocalSearchImprovesOnTheRandomSampleItStartsFrom() {
        double sampled = BestReachable.of(surrogate, 7593, 2000, 0);
        double polished = BestReachable.of(surrogate, 7593, 2000, 10);

        assertThat(polished).isGreaterThan(sampled);
        assertThat(sampled).isGreaterThan(surrogate.valAccuracy(7593, List.of(LcBenchConfig.DEFAULT), 52)[0]);
        assertThat(polished).isLessThanOrEqualTo(100);
    }

    @Test
    void aTaskAlwaysGetsTheSameEstimateAndTasksDiffer() {
        assertThat(BestReachable.of(surrogate, 3945, 2000, 2)).isEqualTo(BestReachable.of(surrogate, 3945, 2000, 2));
        assertThat(BestReachable.of(surrogate, 3945, 2000, 2)).isNotEqualTo(BestReachable.of(surrogate, 7593, 2000, 2));
    }
}
