package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.LabeledImages;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Accuracy of a network on a labelled set, optionally averaging each image with its mirror image. */
final class Evaluation {

    private Evaluation() {
    }

    /**
     * Seconds one inference batch takes once warm: runs one batch to create the inference kernels, then times a
     * second. Lets the time budget reserve the final evaluation from the first step on.
     */
    static double batchSeconds(ComputationGraph net, LabeledImages images, int batchSize) {
        InputShape shape = images.shape();
        int perImage = shape.channels() * shape.height() * shape.width();
        float[] pixels = new float[batchSize * perImage];
        System.arraycopy(images.pixels(), 0, pixels, 0, Math.min(batchSize, images.size()) * perImage);
        net.output(false, Batches.features(pixels, batchSize, shape));
        long start = System.nanoTime();
        net.output(false, Batches.features(pixels, batchSize, shape));
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Every batch has {@code batchSize} rows, the last one padded, so inference reuses one set of oneDNN
     * primitives instead of creating another for a ragged tail.
     */
    static double accuracy(ComputationGraph net, LabeledImages images, int batchSize, boolean flipAveraging) {
        InputShape shape = images.shape();
        int perImage = shape.channels() * shape.height() * shape.width();
        int n = images.size();
        int correct = 0;
        for (int start = 0; start < n; start += batchSize) {
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
        }
        return n == 0 ? 0 : (double) correct / n;
    }
}
