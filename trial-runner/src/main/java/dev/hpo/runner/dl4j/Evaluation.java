package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.LabeledImages;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
     * second. Lets the time budget reserve the final evaluation from the first step on.
     */
    static double batchSeconds(ComputationGraph net, LabeledImages images, int batchSize) {
        InputShape shape = images.shape();
        int perImage = images.imageVolume();
        float[] pixels = new float[batchSize * perImage];
        System.arraycopy(images.pixels(), 0, pixels, 0, Math.min(batchSize, images.size()) * perImage);
        net.output(false, Batches.features(pixels, batchSize, shape));
        long start = System.nanoTime();
        net.output(false, Batches.features(pixels, batchSize, shape));
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Evaluates batch after batch while {@code pacing} allows. Every batch has {@code batchSize} rows, the last one
     * padded, so inference reuses one set of oneDNN primitives instead of creating another for a ragged tail.
     * Ordered with {@link #interleaveClasses}, any prefix of the set is as balanced between classes as it can be,
     * so a partial evaluation is a fair estimate.
     */
    static Score accuracy(ComputationGraph net, LabeledImages images, int batchSize, boolean flipAveraging,
                          Pacing pacing) {
        InputShape shape = images.shape();
        int perImage = images.imageVolume();
        int passesPerBatch = batchSize * (flipAveraging ? 2 : 1);
        int n = images.size();
        int correct = 0;
        int evaluated = 0;
        for (int start = 0; start < n && pacing.allows(passesPerBatch); start += batchSize) {
            long began = System.nanoTime();
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
            pacing.record((System.nanoTime() - began) / 1e9, passesPerBatch);
        }
        return new Score(evaluated == 0 ? Double.NaN : (double) correct / evaluated, evaluated, flipAveraging);
    }

    /**
     * The same images reordered round-robin over the classes (first image of each class, then the second, ...),
     * each class keeping its own order.
     */
    static LabeledImages interleaveClasses(LabeledImages images) {
        int n = images.size();
        int classes = 0;
        for (int label : images.labels()) {
            classes = Math.max(classes, label + 1);
        }
        int[][] byClass = new int[classes][];
        int[] counts = new int[classes];
        for (int label : images.labels()) {
            counts[label]++;
        }
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int i = 0; i < n; i++) {
            int label = images.labels()[i];
            byClass[label][counts[label]++] = i;
        }
        int perImage = images.imageVolume();
        float[] pixels = new float[images.pixels().length];
        int[] labels = new int[n];
        int next = 0;
        for (int round = 0; next < n; round++) {
            for (int c = 0; c < classes; c++) {
                if (round < byClass[c].length) {
                    int source = byClass[c][round];
                    System.arraycopy(images.pixels(), source * perImage, pixels, next * perImage, perImage);
                    labels[next++] = c;
                }
            }
        }
        return new LabeledImages(pixels, labels, images.shape());
    }
}
