package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.NetworkUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LearningRateTest {

    private static final ArchitectureSpec SPEC =
            new ArchitectureSpec(ModelFamily.RESNET9, InputShape.of(1, 12, 12), 4, 0.4, 0.125, 1);
    private static final double[] RATES = {0.01, 0.05, 0.002, 0.03};

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void changingTheRateInPlaceStepsExactlyAsRebuildingTheUpdaterDoes(Optimizer optimizer) {
        // AdamW's decoupled decay is scaled by the rate too, so it checks that the regularization sees the change.
        TrainingOptions options = TrainingOptionsBuilder.defaults().optimizer(optimizer).learningRate(0.02)
                .weightDecay(5e-4).whitening(true).build();
        INDArray features = Nd4j.rand(DataType.FLOAT, 8, 1, 12, 12);
        INDArray labels = Batches.smoothedLabels(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 8, 4, 0.1);
        ComputationGraph rebuilt = GraphFactory.build(SPEC.layout(), options);
        ComputationGraph inPlace = GraphFactory.build(SPEC.layout(), options);
        inPlace.setParams(rebuilt.params().dup()); // the frozen whitening stem is not initialised from the seed
        TrainingStep rebuiltStep = new TrainingStep(rebuilt, 0, false);
        TrainingStep inPlaceStep = new TrainingStep(inPlace, 0, false);
        LearningRate rate = new LearningRate(inPlace);
        INDArray start = inPlace.params().dup();

        for (int i = 0; i < RATES.length; i++) {
            NetworkUtils.setLearningRate(rebuilt, RATES[i]);
            rate.set(RATES[i]);
            rebuiltStep.take(features, labels, i, 0);
            inPlaceStep.take(features, labels, i, 0);
        }

        assertThat(inPlace.params().sub(start).amaxNumber().doubleValue()).as("the steps moved the weights")
                .isGreaterThan(0);
        assertThat(inPlace.params().sub(rebuilt.params()).amaxNumber().doubleValue()).isZero();
    }
}
