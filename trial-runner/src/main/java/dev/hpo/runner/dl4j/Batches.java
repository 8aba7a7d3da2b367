package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns the data package's plain arrays into the arrays DL4J trains on.
 *
 * <p>Public, with {@link #features} and {@link #smoothedLabels}, for the benchmarks module: {@code hpo bench train}
 * feeds {@link TrainingStep} the arrays a trial feeds it.
 */
public final class Batches {

    private Batches() {
    }

    /** {@code count} images of {@code shape}, channel-first, as one NCHW float array. */
    public static INDArray features(float[] pixels, int count, InputShape shape) {
        long[] nchw = {count, shape.channels(), shape.height(), shape.width()};
        return Nd4j.create(pixels, nchw, DataType.FLOAT);
    }

    /**
     * One-hot targets with label smoothing: {@code 1 - smoothing + smoothing / classes} on the true class and
     * {@code smoothing / classes} elsewhere, as PyTorch's cross-entropy smooths them; DL4J's MCXENT takes them as is.
     */
    public static INDArray smoothedLabels(int[] labels, int count, int classes, double smoothing) {
        float off = (float) (smoothing / classes);
        float on = (float) (1 - smoothing) + off;
        float[] targets = new float[count * classes];
        java.util.Arrays.fill(targets, off);
        for (int i = 0; i < count; i++) {
            targets[i * classes + labels[i]] = on;
        }
        return Nd4j.create(targets, new long[] {count, classes}, DataType.FLOAT);
    }

    /** Mirrors every image left to right. */
    static float[] flipped(float[] pixels, int count, InputShape shape) {
        float[] out = new float[pixels.length];
        int w = shape.width();
        int rows = count * shape.channels() * shape.height();
        for (int row = 0; row < rows; row++) {
            int base = row * w;
            for (int x = 0; x < w; x++) {
                out[base + x] = pixels[base + w - 1 - x];
            }
        }
        return out;
    }
}
