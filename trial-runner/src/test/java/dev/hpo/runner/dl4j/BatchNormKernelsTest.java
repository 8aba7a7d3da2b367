package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.runner.dl4j.BatchNormKernels.Activation;
import dev.hpo.runner.dl4j.BatchNormKernels.Layout;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** The kernels against the textbook batch norm computed in double, one value at a time. */
class BatchNormKernelsTest {

    private static final int N = 5;
    private static final int C = 3;
    private static final int H = 3;
    private static final int W = 5;
    private static final int M = N * H * W;

    @ParameterizedTest(name = "{0} threads, slope {1}")
    @CsvSource({"1, 1", "3, 0", "4, 0.1", "7, 1"})
    void matchTextbookBatchNormForwardAndBackward(int threads, float slope) {
        SplittableRandom random = new SplittableRandom(threads);
        // A large mean on channel 0 checks the variance survives it.
        float[] x = values(random, new float[] {1000, -2, 0.5f}, new float[] {0.5f, 3, 1});
        float[] dy = values(random, new float[] {0, 0, 0}, new float[] {1, 1, 1});
        float[] gamma = {1.5f, -0.5f, 1};
        float[] beta = {0.2f, 0, -1};
        Activation act = new Activation(slope);
        BatchNormKernels kernels = new BatchNormKernels(threads);
        Layout layout = Layout.of(tensor(x));

        double[] mean = new double[C];
        double[] variance = new double[C];
        kernels.moments(BatchNormKernels.floats(tensor(x)), layout, mean, variance);
        float[] meanF = new float[C];
        float[] scale = new float[C];
        float[] shift = new float[C];
        double[] inverseStd = new double[C];
        for (int c = 0; c < C; c++) {
            double m = 0;
            double v = 0;
            for (int i = 0; i < M; i++) {
                m += at(x, c, i);
            }
            m /= M;
            for (int i = 0; i < M; i++) {
                v += (at(x, c, i) - m) * (at(x, c, i) - m);
            }
            v /= M;
            assertThat(mean[c]).isCloseTo(m, within(1e-4 * Math.max(1, Math.abs(m))));
            assertThat(variance[c]).isCloseTo(v, within(1e-4 * v));
            meanF[c] = (float) mean[c];
            inverseStd[c] = 1 / Math.sqrt(variance[c] + 1e-5);
            scale[c] = (float) (gamma[c] * inverseStd[c]);
            shift[c] = (float) (beta[c] - mean[c] * scale[c]);
        }

        INDArray y = Nd4j.create(DataType.FLOAT, N, C, H, W);
        kernels.affine(BatchNormKernels.floats(tensor(x)), BatchNormKernels.floats(y), layout, scale, shift, act);
        double[] sumG = new double[C];
        double[] sumGx = new double[C];
        kernels.gradientSums(BatchNormKernels.floats(tensor(dy)), BatchNormKernels.floats(tensor(x)), layout, meanF,
                scale, shift, act, sumG, sumGx);
        float[] p = new float[C];
        float[] q = new float[C];
        float[] o = new float[C];
        for (int c = 0; c < C; c++) {
            double dGamma = sumGx[c] * inverseStd[c];
            p[c] = scale[c];
            q[c] = (float) (-scale[c] * inverseStd[c] * dGamma / M);
            o[c] = (float) (-scale[c] * sumG[c] / M);
        }
        INDArray dx = Nd4j.create(DataType.FLOAT, N, C, H, W);
        kernels.inputGradient(BatchNormKernels.floats(tensor(dy)), BatchNormKernels.floats(tensor(x)),
                BatchNormKernels.floats(dx), layout, meanF, scale, shift, act, p, q, o);

        float[] yOut = y.data().asFloat();
        float[] dxOut = dx.data().asFloat();
        for (int c = 0; c < C; c++) {
            double m = mean[c];
            double s = inverseStd[c];
            double sumGRef = 0;
            double sumGxhat = 0;
            double[] g = new double[M];
            for (int i = 0; i < M; i++) {
                double z = (at(x, c, i) - m) * s * gamma[c] + beta[c];
                double expected = z > 0 ? z : z * slope;
                assertThat((double) yOut[index(c, i)]).isCloseTo(expected, within(2e-4 * Math.max(1, Math.abs(z))));
                g[i] = z > 0 ? at(dy, c, i) : at(dy, c, i) * slope;
                sumGRef += g[i];
                sumGxhat += g[i] * (at(x, c, i) - m) * s;
            }
            assertThat(sumG[c]).isCloseTo(sumGRef, within(1e-4 * M));
            for (int i = 0; i < M; i++) {
                double xhat = (at(x, c, i) - m) * s;
                double expected = gamma[c] * s * (g[i] - sumGRef / M - xhat * sumGxhat / M);
                assertThat((double) dxOut[index(c, i)]).isCloseTo(expected, within(1e-3 * Math.max(1, gamma[c] * s)));
            }
        }
    }

    @Test
    void rejectsNegativeOrInfiniteSlopesAndThreadCounts() {
        assertThatThrownBy(() -> new Activation(-0.1f)).hasMessageContaining("slope");
        assertThatThrownBy(() -> new Activation(Float.NaN)).hasMessageContaining("slope");
        assertThatThrownBy(() -> new BatchNormKernels(0)).hasMessageContaining("threads");
    }

    @Test
    void readsViewsFromTheirOffset() {
        INDArray flat = Nd4j.arange(0, 20).castTo(DataType.FLOAT).reshape(1, 20);
        INDArray view = flat.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(7, 12));
        assertThat(BatchNormKernels.floats(view).get(0)).isEqualTo(7f);
        BatchNormKernels.floats(view).put(4, -1f);
        assertThat(flat.getFloat(0, 11)).isEqualTo(-1f);
    }

    private static float[] values(SplittableRandom random, float[] means, float[] spreads) {
        float[] v = new float[N * C * H * W];
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int k = 0; k < H * W; k++) {
                    v[(n * C + c) * H * W + k] = means[c] + spreads[c] * (float) random.nextGaussian();
                }
            }
        }
        return v;
    }

    private static INDArray tensor(float[] v) {
        return Nd4j.create(v, new long[] {N, C, H, W}, DataType.FLOAT);
    }

    /** The i-th value (over batch and positions) of channel c. */
    private static double at(float[] v, int c, int i) {
        return v[index(c, i)];
    }

    private static int index(int c, int i) {
        int n = i / (H * W);
        int k = i % (H * W);
        return (n * C + c) * H * W + k;
    }
}
