package dev.hpo.runner.dl4j;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.LabeledImages;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Initialises the frozen first convolution as a ZCA whitening filter of small image patches, as the fastest
 * CIFAR-10 recipes do: the network then starts from decorrelated, unit-variance inputs, which lets it take large
 * steps from the first epoch.
 *
 * <p>The covariance of {@code c x k x k} patches is eigen-decomposed into {@code U diag(lambda) U^T}; the ZCA
 * transform {@code U diag(1 / sqrt(lambda + eps)) U^T} has one row per patch entry, and the rows of the centre
 * pixel's channels become the convolution's {@code c} output filters. Keeping {@code c} outputs leaves the rest
 * of the network, and so its cost, unchanged.
 */
final class PatchWhitening {

    static final int KERNEL = 3;
    private static final int PATCHES = 20_000;
    /** Regularises small eigenvalues (relative to the mean one) so that pixel noise is not blown up. */
    private static final double EPSILON_SHARE = 0.01;

    private PatchWhitening() {
    }

    /** Sets the whitening layer of {@code net} from {@code images}' patches. */
    static void initialise(ComputationGraph net, LabeledImages images, long seed) {
        INDArray weights = net.getLayer(GraphFactory.WHITENING).paramTable().get("W");
        weights.assign(filters(images, seed).castTo(weights.dataType()));
    }

    /** The whitening filters, shaped {@code [channels, channels, KERNEL, KERNEL]}. */
    static INDArray filters(LabeledImages images, long seed) {
        InputShape shape = images.shape();
        int c = shape.channels();
        int d = c * KERNEL * KERNEL;
        double[][] covariance = covariance(images, seed);
        INDArray vectors = Nd4j.create(covariance).castTo(DataType.DOUBLE);
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true); // vectors becomes U, by column
        double meanValue = values.meanNumber().doubleValue();
        double eps = EPSILON_SHARE * Math.max(meanValue, 1e-12);
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            scale[k] = 1 / Math.sqrt(Math.max(values.getDouble(k), 0) + eps);
        }
        double[] w = new double[c * d];
        int centre = KERNEL / 2 * KERNEL + KERNEL / 2;
        for (int out = 0; out < c; out++) {
            int row = out * KERNEL * KERNEL + centre;
            for (int col = 0; col < d; col++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += vectors.getDouble(row, k) * scale[k] * vectors.getDouble(col, k);
                }
                w[out * d + col] = sum;
            }
        }
        return Nd4j.create(w, new long[] {c, c, KERNEL, KERNEL}, DataType.DOUBLE);
    }

    private static double[][] covariance(LabeledImages images, long seed) {
        InputShape shape = images.shape();
        int c = shape.channels();
        int h = shape.height();
        int w = shape.width();
        int d = c * KERNEL * KERNEL;
        float[] pixels = images.pixels();
        SplittableRandom random = new SplittableRandom(seed);
        double[] mean = new double[d];
        double[][] sums = new double[d][d];
        double[] patch = new double[d];
        int count = Math.min(PATCHES, Math.max(1, images.size()) * (h - KERNEL + 1) * (w - KERNEL + 1));
        for (int s = 0; s < count; s++) {
            int image = random.nextInt(images.size());
            int y = random.nextInt(h - KERNEL + 1);
            int x = random.nextInt(w - KERNEL + 1);
            for (int ch = 0; ch < c; ch++) {
                for (int dy = 0; dy < KERNEL; dy++) {
                    int offset = ((image * c + ch) * h + y + dy) * w + x;
                    for (int dx = 0; dx < KERNEL; dx++) {
                        patch[(ch * KERNEL + dy) * KERNEL + dx] = pixels[offset + dx];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                mean[i] += patch[i];
                for (int j = 0; j <= i; j++) {
                    sums[i][j] += patch[i] * patch[j];
                }
            }
        }
        double[][] covariance = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double value = sums[i][j] / count - (mean[i] / count) * (mean[j] / count);
                covariance[i][j] = value;
                covariance[j][i] = value;
            }
        }
        return covariance;
    }
}
