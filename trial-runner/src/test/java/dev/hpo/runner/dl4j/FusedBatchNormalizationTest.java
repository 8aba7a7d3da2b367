package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.trial.Activation;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class FusedBatchNormalizationTest {

    private final INDArray features = Batches.features(noise(8 * 16 * 16), 8, InputShape.of(1, 16, 16));
    private final INDArray labels = Batches.smoothedLabels(new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 8, 4, 0.1);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"resnet9, relu", "resnet9, leakyrelu", "resnet9, celu", "resnet18, relu"})
    void trainsAndInfersLikeDl4jsBatchNormalization(String family, String activation) {
        ArchitectureSpec spec = new ArchitectureSpec(ModelFamily.fromId(family), InputShape.of(1, 16, 16), 4, 1,
                0.125, 1);
        TrainingOptions options = TrainingOptionsBuilder.defaults().activation(Activation.fromId(activation))
                .learningRate(0.05).build();
        ComputationGraph fused = GraphFactory.build(spec.layout(), options, true);
        ComputationGraph plain = GraphFactory.build(spec.layout(), options, false);
        // Folding the activations away can reorder the layers in the flat parameter vector: copy by name.
        for (Layer layer : fused.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            layer.paramTable().forEach((key, value) -> plain.getLayer(name).getParam(key).assign(value));
        }

        fused.setInputs(features);
        fused.setLabels(labels);
        fused.computeGradientAndScore();
        plain.setInputs(features);
        plain.setLabels(labels);
        plain.computeGradientAndScore();
        assertThat(fused.score()).isCloseTo(plain.score(), within(1e-6 * plain.score()));
        double largest = 0;
        for (String key : plain.gradient().gradientForVariable().keySet()) {
            largest = Math.max(largest, plain.gradient().getGradientFor(key).amaxNumber().doubleValue());
        }
        for (String key : plain.gradient().gradientForVariable().keySet()) {
            assertThat(maxDifference(fused.gradient().getGradientFor(key), plain.gradient().getGradientFor(key)))
                    .as("gradient of %s", key).isLessThan(1e-4 * largest);
        }

        // Two steps: later ones drift apart as float rounding differs. A perturbation of 1e-7 in the plain
        // network's weights moves its ResNet-18 loss by 5e-5 at the third step, as much as the fused layers do.
        TrainingStep fusedStep = new TrainingStep(fused, 0, false);
        TrainingStep plainStep = new TrainingStep(plain, 0, false);
        for (int i = 0; i < 2; i++) {
            double fusedLoss = fusedStep.take(features, labels, i, 0);
            double plainLoss = plainStep.take(features, labels, i, 0);
            assertThat(fusedLoss).as("loss at step %d", i).isCloseTo(plainLoss, within(1e-5 * plainLoss));
        }
        // Weights, gammas, betas and the running statistics (which inference uses) all moved alike.
        for (Layer layer : fused.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            layer.paramTable().forEach((key, value) -> assertThat(maxDifference(value, plain.getLayer(name)
                    .getParam(key))).as("%s_%s", name, key).isLessThan(1e-3 * Math.max(1,
                    value.amaxNumber().doubleValue())));
        }
        assertThat(maxDifference(fused.output(features)[0], plain.output(features)[0])).isLessThan(1e-3);
    }

    @ParameterizedTest
    @CsvSource({"relu, true", "celu, false"})
    void foldsOnlyRectifiersIntoBatchNorm(String activation, boolean folded) {
        ArchitectureSpec spec = new ArchitectureSpec(ModelFamily.RESNET9, InputShape.of(3, 16, 16), 10, 1, 0.25, 1);
        TrainingOptions options = TrainingOptionsBuilder.defaults().activation(Activation.fromId(activation)).build();
        ComputationGraph fused = GraphFactory.build(spec.layout(), options, true);
        ComputationGraph plain = GraphFactory.build(spec.layout(), options, false);

        long fusedBatchNorms = 0;
        for (Layer layer : fused.getLayers()) {
            if (layer instanceof FusedBatchNormalizationLayer) {
                fusedBatchNorms++;
            }
        }
        assertThat(fusedBatchNorms).isEqualTo(8);
        assertThat(fused.getLayers().length).isEqualTo(folded ? plain.getLayers().length - 8
                : plain.getLayers().length);
        assertThat(TrainableParameters.count(fused)).isEqualTo(CostModel.of(spec).params());
        assertThat(fused.numParams()).isEqualTo(plain.numParams());
    }

    private static float[] noise(int count) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() + 0.5);
        }
        return values;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }
}
