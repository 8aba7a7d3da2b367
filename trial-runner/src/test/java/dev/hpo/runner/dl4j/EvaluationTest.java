package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.runner.data.SyntheticData;
import dev.hpo.trial.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final InputShape SHAPE = InputShape.of(1, 8, 8);

    @Test
    void evaluatesOnlyTheBatchesThePacingAllowsAndCountsThem() {
        ComputationGraph net = GraphFactory.build(
                new ArchitectureSpec(ModelFamily.RESNET9, SHAPE, 4, 0.4, 0.125, 1).layout(), TrainingOptions.defaults());
        LabeledImages images = SyntheticData.quadrants(SHAPE, 1, 10, 3).validation().interleavedByClass(); // 40 images
        List<Integer> asked = new ArrayList<>();
        List<Integer> recorded = new ArrayList<>();
        // A clock that moves a millisecond each time it is read: each batch reads it twice.
        double[] now = {0};
        DoubleSupplier clock = () -> now[0] += 0.001;

        Evaluation.Score partial = Evaluation.accuracy(net, images, 16, true, new Evaluation.Pacing() {
            @Override
            public boolean allows(int forwardPasses) {
                asked.add(forwardPasses);
                return asked.size() <= 2;
            }

            @Override
            public void record(double seconds, int forwardPasses) {
                assertThat(seconds).as("timed on the given clock").isCloseTo(0.001, within(1e-9));
                recorded.add(forwardPasses);
            }
        }, clock);

        assertThat(partial.images()).isEqualTo(32);
        assertThat(partial.flipAveraged()).isTrue();
        assertThat(asked).containsExactly(32, 32, 32);
        assertThat(recorded).containsExactly(32, 32);
        Evaluation.Score whole = Evaluation.accuracy(net, images, 16, false, unlimited(), clock);
        assertThat(whole.images()).as("the padded last batch counts its real images only").isEqualTo(40);
        Evaluation.Score none = Evaluation.accuracy(net, images, 16, false, new Evaluation.Pacing() {
            @Override
            public boolean allows(int forwardPasses) {
                return false;
            }

            @Override
            public void record(double seconds, int forwardPasses) {
            }
        }, clock);
        assertThat(none.images()).isZero();
        assertThat(none.accuracy()).isNaN();
    }

    private static Evaluation.Pacing unlimited() {
        return new Evaluation.Pacing() {
            @Override
            public boolean allows(int forwardPasses) {
                return true;
            }

            @Override
            public void record(double seconds, int forwardPasses) {
            }
        };
    }
}
