package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class TrainingStepTest {

    private static final ArchitectureSpec SPEC =
            new ArchitectureSpec(ModelFamily.RESNET9, InputShape.of(1, 12, 12), 4, 1, 0.125, 1);
    private static final TrainingOptions OPTIONS = TrainingOptionsBuilder.defaults().learningRate(0.05).build();

    private final INDArray features = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 8, 1, 12, 12);
    private final INDArray labels = Batches.smoothedLabels(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 8, 4, 0.1);

    @Test
    void samWithRhoZeroTakesExactlyTheStepFitTakes() {
        ComputationGraph byFit = GraphFactory.build(SPEC.layout(), OPTIONS);
        ComputationGraph byHand = GraphFactory.build(SPEC.layout(), OPTIONS);
        assertThat(maxDifference(byHand.params(), byFit.params())).as("same seed, same network").isZero();
        TrainingStep step = new TrainingStep(byHand, 0, false);

        for (int i = 0; i < 3; i++) {
            byFit.fit(new DataSet(features, labels));
            step.take(features, labels, i, 0);
        }

        assertThat(maxDifference(byHand.params(), byFit.params())).isZero();
        assertThat(maxDifference(byHand.params(), GraphFactory.build(SPEC.layout(), OPTIONS).params()))
                .as("the steps moved the weights").isGreaterThan(0);
        assertThat(byHand.getConfiguration().getIterationCount()).isEqualTo(3);
    }

    @Test
    void samWithPositiveRhoReportsTheLossAtTheWeightsButStepsWithTheGradientNearby() {
        ComputationGraph plain = GraphFactory.build(SPEC.layout(), OPTIONS);
        ComputationGraph sharp = GraphFactory.build(SPEC.layout(), OPTIONS);
        double plainLoss = new TrainingStep(plain, 0, false).take(features, labels, 0, 0);
        double sharpLoss = new TrainingStep(sharp, 0.05, false).take(features, labels, 0, 0);

        assertThat(sharpLoss).isEqualTo(plainLoss);
        assertThat(maxDifference(sharp.params(), plain.params())).isGreaterThan(1e-6);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(dev.hpo.trial.Optimizer.class)
    void everyOptimizerStepsWithFiniteLossAndMovesTheWeights(dev.hpo.trial.Optimizer optimizer) {
        TrainingOptions options = TrainingOptionsBuilder.from(OPTIONS).optimizer(optimizer).learningRate(0.01)
                .build();
        ComputationGraph net = GraphFactory.build(SPEC.layout(), options);
        INDArray before = net.params().dup();
        TrainingStep step = new TrainingStep(net, 0.05, true);

        for (int i = 0; i < 3; i++) {
            assertThat(step.take(features, labels, i, 0)).isFinite();
        }

        assertThat(maxDifference(net.params(), before)).isGreaterThan(0);
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    @Test
    void gradientCentralizationLeavesEachFilterUpdateWithZeroMean() {
        TrainingOptions sgd = TrainingOptionsBuilder.from(OPTIONS).momentum(0).weightDecay(0).build();
        ComputationGraph net = GraphFactory.build(SPEC.layout(), sgd);
        INDArray before = net.getLayer("layer1").paramTable().get("W").dup();

        new TrainingStep(net, 0, true).take(features, labels, 0, 0);

        INDArray update = net.getLayer("layer1").paramTable().get("W").sub(before);
        assertThat(update.amaxNumber().doubleValue()).isGreaterThan(0);
        INDArray filterMeans = update.mean(1, 2, 3);
        assertThat(filterMeans.amaxNumber().doubleValue()).isLessThan(1e-6);
    }
}
