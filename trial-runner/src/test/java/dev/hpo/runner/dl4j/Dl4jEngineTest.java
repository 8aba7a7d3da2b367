package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.plan.TrainingOptionsBuilder;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrialPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Dl4jEngineTest {

    private static final InputShape SHAPE = InputShape.of(1, 12, 12);
    private static final ArchitectureSpec SPEC = new ArchitectureSpec(ModelFamily.RESNET9, SHAPE, 4, 0.4, 0.125, 1);
    private static final DataSpec DATA = new DataSpec(Dataset.FASHION_MNIST, Optional.empty(), 32, 16, 0);
    private static final TrialData SYNTHETIC = SyntheticData.quadrants(SHAPE, 32, 16, 7);
    private static final TrainingOptions OPTIONS = TrainingOptionsBuilder.defaults()
            .batchSize(16).learningRate(0.05).cropPadding(0).flip(false).build();

    private final Dl4jEngine engine = new Dl4jEngine();

    @Test
    void endsWithinItsCapAndLearns() {
        List<Measurement> heard = new ArrayList<>();
        long start = System.nanoTime();

        TrialResult result = engine.train(plan(OPTIONS, Duration.ofSeconds(30)), SYNTHETIC, m -> heard.add(m));

        double wall = (System.nanoTime() - start) / 1e9;
        assertThat(result.status()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(wall).as("wall seconds").isLessThan(30 + 2);
        assertThat(result.wallSeconds()).isLessThanOrEqualTo(wall);
        assertThat(result.epochs()).as(result.toString()).isGreaterThanOrEqualTo(1);
        assertThat(result.accuracy()).as("chance is 0.25").isGreaterThan(0.4);
        assertThat(result.engine()).isEqualTo("dl4j");
        assertThat(result.params()).isEqualTo(dev.hpo.arch.CostModel.of(SPEC).params());
        assertThat(heard).isEqualTo(result.measurements());
        assertThat(heard).extracting(Measurement::elapsedSeconds).isSorted();
        assertThat(heard.get(heard.size() - 1).validationAccuracy()).isEqualTo(result.accuracy());
    }

    @Test
    void divergenceFailsTheTrialWithItsReason() {
        TrainingOptions absurd = TrainingOptionsBuilder.from(OPTIONS).optimizer(Optimizer.ADAM).learningRate(1e12)
                .weightDecay(0).build();

        TrialResult result = engine.train(plan(absurd, Duration.ofSeconds(20)), SYNTHETIC, TrainingListener.none());

        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("diverged"));
        assertThat(result.wallSeconds()).isLessThan(20);
    }

    @Test
    void aListenerCanStopTheTrialAfterAnEpoch() {
        TrialResult result = engine.train(plan(OPTIONS, Duration.ofSeconds(60)), SYNTHETIC, m -> false);

        assertThat(result.status()).isEqualTo(TrialStatus.STOPPED);
        assertThat(result.epochs()).isEqualTo(1);
        assertThat(result.measurements()).hasSize(1);
        assertThat(result.accuracy()).isEqualTo(result.measurements().get(0).validationAccuracy());
    }

    @Test
    void trainsTheWholeRecipeSamCentralizationWhiteningCeluCutoutAndFlipAveraging() {
        TrainingOptions options = TrainingOptionsBuilder.from(OPTIONS).optimizer(Optimizer.ADAMW).learningRate(0.003)
                .samRho(0.05).gradientCentralization(true).whitening(true)
                .activation(dev.hpo.trial.Activation.CELU).cropPadding(1).flip(true).cutout(3)
                .flipTestTimeAugmentation(true).build();

        TrialResult result = engine.train(plan(options, Duration.ofSeconds(10)), SYNTHETIC, TrainingListener.none());

        assertThat(result.status()).isEqualTo(TrialStatus.COMPLETE);
        assertThat(result.steps()).isPositive();
        assertThat(result.finalLoss()).isFinite();
    }

    @Test
    void rejectsDataOfAnotherShape() {
        TrialData wrong = SyntheticData.quadrants(InputShape.of(1, 10, 10), 2, 2, 1);

        assertThatThrownBy(() -> engine.train(plan(OPTIONS, Duration.ofSeconds(5)), wrong, TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x10x10");
    }

    private static TrialPlan plan(TrainingOptions options, Duration cap) {
        return new TrialPlan(SPEC, DATA, options, cap);
    }
}
