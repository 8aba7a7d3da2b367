package dev.hpo.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.Augmentation;
import dev.hpo.runner.data.DataFixtures;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataBenchmarkTest {

    @TempDir
    Path temp;

    @Test
    void reportsTheLoadedSubsetAndPositiveRates() {
        Path directory = DataFixtures.fashionMnist(temp, 8, 4, true);
        DataSpec spec = new DataSpec(Dataset.FASHION_MNIST, Optional.of(directory.toString()), 6, 2, 0);

        DataBenchmark.Figures figures = DataBenchmark.run(spec, InputShape.of(1, 14, 14), 3, 16,
                new Augmentation(2, true, 4), Duration.ofMillis(50));

        assertThat(figures.shape()).isEqualTo(InputShape.of(1, 14, 14));
        assertThat(figures.trainImages()).isEqualTo(60);
        assertThat(figures.validationImages()).isEqualTo(20);
        assertThat(figures.loadMillisMin()).isPositive().isLessThanOrEqualTo(figures.loadMillisMedian());
        assertThat(figures.batchesPerSecond()).isPositive();
        assertThat(figures.imagesPerSecond()).isEqualTo(figures.batchesPerSecond() * 16);
    }

    @Test
    void needsAtLeastOneLoad() {
        DataSpec spec = new DataSpec(Dataset.FASHION_MNIST, Optional.empty(), 1, 1, 0);
        assertThatThrownBy(() -> DataBenchmark.run(spec, InputShape.of(1, 28, 28), 0, 1, Augmentation.NONE,
                Duration.ofMillis(1))).hasMessageContaining("loads must be at least 1");
    }
}
