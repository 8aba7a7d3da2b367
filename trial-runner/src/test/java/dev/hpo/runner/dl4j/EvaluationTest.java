package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.LabeledImages;
import dev.hpo.trial.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final InputShape SHAPE = InputShape.of(1, 8, 8);

    @Test
    void interleavingPutsTheClassesRoundRobinAndKeepsEachImageWithItsLabel() {
        // Image i is filled with the value i; classes arrive in blocks of unequal size.
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        float[] pixels = new float[labels.length * 64];
        for (int i = 0; i < labels.length; i++) {
            java.util.Arrays.fill(pixels, i * 64, (i + 1) * 64, i);
        }

        LabeledImages interleaved = Evaluation.interleaveClasses(new LabeledImages(pixels, labels, SHAPE));

        assertThat(interleaved.labels()).containsExactly(0, 1, 2, 0, 1, 2, 0, 2, 2);
        float[] firstPixels = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            firstPixels[i] = interleaved.pixels()[i * 64];
        }
        assertThat(firstPixels).containsExactly(0, 3, 5, 1, 4, 6, 2, 7, 8);
    }

    @Test
    void evaluatesOnlyTheBatchesThePacingAllowsAndCountsThem() {
        ComputationGraph net = GraphFactory.build(
                new ArchitectureSpec(ModelFamily.RESNET9, SHAPE, 4, 0.4, 0.125, 1).layout(), TrainingOptions.defaults());
        LabeledImages images = Evaluation.interleaveClasses(
                SyntheticData.quadrants(SHAPE, 1, 10, 3).validation()); // 40 images
        List<Integer> asked = new ArrayList<>();
        List<Integer> recorded = new ArrayList<>();

        Evaluation.Score partial = Evaluation.accuracy(net, images, 16, true, new Evaluation.Pacing() {
            @Override
            public boolean allows(int forwardPasses) {
                asked.add(forwardPasses);
                return asked.size() <= 2;
            }

            @Override
            public void record(double seconds, int forwardPasses) {
                assertThat(seconds).isPositive();
                recorded.add(forwardPasses);
            }
        });

        assertThat(partial.images()).isEqualTo(32);
        assertThat(partial.flipAveraged()).isTrue();
        assertThat(asked).containsExactly(32, 32, 32);
        assertThat(recorded).containsExactly(32, 32);
        Evaluation.Score whole = Evaluation.accuracy(net, images, 16, false, unlimited());
        assertThat(whole.images()).as("the padded last batch counts its real images only").isEqualTo(40);
        Evaluation.Score none = Evaluation.accuracy(net, images, 16, false, new Evaluation.Pacing() {
            @Override
            public boolean allows(int forwardPasses) {
                return false;
            }

            @Override
            public void record(double seconds, int forwardPasses) {
            }
        });
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
