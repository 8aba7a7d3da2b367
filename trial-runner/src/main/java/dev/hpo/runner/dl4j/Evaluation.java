package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.LabeledImages;
import org.deeplearning4j.nn.graph.ComputationGraph;
import java.util.function.DoubleSupplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accuracy of a network on a labelled set, optionally averaging each image with its mirror image, batch by batch
 * for as long as the time allows.
 */
final class Evaluation {

    /** Decides, before each batch, whether there is time for it, and learns how long batches take. */
    interface Pacing {

        /** Whether {@code forwardPasses} more images (a mirrored image counts twice) still fit. */
        boolean allows(int forwardPasses);

        void record(double seconds, int forwardPasses);
    }

    /**
     * @param accuracy share of the evaluated images classified correctly; NaN when none were evaluated
     * @param images how many images were evaluated (a prefix of the set)
     * @param flipAveraged whether each image was averaged with its mirror image
     */
    record Score(double accuracy, int images, boolean flipAveraged) {
    }

    private Evaluation() {
    }

    /**
     * Seconds one inference batch takes once warm: runs one batch to create the inference kernels, then times a
     * second on {@code clock} (seconds). Lets the time budget reserve the final evaluation from the first step on.
     */
    static double batchSeconds(ComputationGraph net, LabeledImages images, int batchSize, DoubleSupplier clock) {
        InputShape shape = images.shape();
        int perImage = images.imageVolume();
        float[] pixels = new float[batchSize * perImage];
        System.arraycopy(images.pixels(), 0, pixels, 0, Math.min(batchSize, images.size()) * perImage);
        net.output(false, Batches.features(pixels, batchSize, shape));
        double start = clock.getAsDouble();
        net.output(false, Batches.features(pixels, batchSize, shape));
        return clock.getAsDouble() - start;
    }

    /**
     * Evaluates batch after batch while {@code pacing} allows. Every batch has {@code batchSize} rows, the last one
     * padded, so inference reuses one set of oneDNN primitives instead of creating another for a ragged tail.
     * Ordered with {@link LabeledImages#interleavedByClass()}, any prefix of the set is as balanced between classes
     * as it can be, so a partial evaluation is a fair estimate. Batches are timed on {@code clock} (seconds).
     */
    static Score accuracy(ComputationGraph net, LabeledImages images, int batchSize, boolean flipAveraging,
                          Pacing pacing, DoubleSupplier clock) {
        InputShape shape = images.shape();
        int perImage = images.imageVolume();
        int passesPerBatch = batchSize * (flipAveraging ? 2 : 1);
        int n = images.size();
        int correct = 0;
        int evaluated = 0;
        for (int start = 0; start < n && pacing.allows(passesPerBatch); start += batchSize) {
            double began = clock.getAsDouble();
            int count = Math.min(batchSize, n - start);
            float[] pixels = new float[batchSize * perImage];
            System.arraycopy(images.pixels(), start * perImage, pixels, 0, count * perImage);
            INDArray scores = net.output(false, Batches.features(pixels, batchSize, shape))[0].dup();
            if (flipAveraging) {
                float[] mirrored = Batches.flipped(pixels, batchSize, shape);
                scores.addi(net.output(false, Batches.features(mirrored, batchSize, shape))[0]);
            }
            int[] predicted = scores.argMax(1).toIntVector();
            for (int i = 0; i < count; i++) {
                if (predicted[i] == images.labels()[start + i]) {
                    correct++;
                }
            }
            evaluated += count;
            pacing.record(clock.getAsDouble() - began, passesPerBatch);
        }
        return new Score(evaluated == 0 ? Double.NaN : (double) correct / evaluated, evaluated, flipAveraging);
    }
}
