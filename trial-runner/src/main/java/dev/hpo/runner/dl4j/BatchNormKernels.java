package dev.hpo.runner.dl4j;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch norm's training arithmetic over contiguous NCHW float tensors, optionally fused with a (leaky) ReLU, in
 * the fewest sweeps over memory: one to gather each channel's moments and one to normalise going forward, one to
 * gather the gradient sums and one to write the input gradient going back. The tensors are read in place through
 * their native buffers; each sweep splits the {@code N x C} rows of {@code H x W} values into contiguous ranges,
 * one per thread, so memory is streamed in order.
 */
final class BatchNormKernels {

    private final int threads;

    /** @param threads how many threads share each sweep (the caller's included) */
    BatchNormKernels(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** The dimensions of an NCHW tensor as rows of {@code width} values, row r holding channel {@code r % channels}. */
    record Layout(int rows, int channels, int width) {

        static Layout of(INDArray nchw) {
            long rows = nchw.size(0) * nchw.size(1);
            long width = nchw.size(2) * nchw.size(3);
            if (rows * width > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor too large for batch norm: " + nchw.length() + " values");
            }
            return new Layout((int) rows, (int) nchw.size(1), (int) width);
        }

        /** Values per channel: batch size times height times width. */
        long perChannel() {
            return (long) rows / channels * width;
        }
    }

    /** The values of a c-ordered contiguous float array, index 0 being its first element. */
    static FloatBuffer floats(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer()
                .position((int) array.offset()).slice();
    }

    /**
     * Each channel's batch mean and biased variance. Values are summed relative to the channel's first value, in
     * float within a row and in double across rows, so a large mean does not swamp the variance.
     */
    void moments(FloatBuffer x, Layout layout, double[] mean, double[] variance) {
        int channels = layout.channels();
        float[] shift = new float[channels];
        for (int c = 0; c < channels; c++) {
            shift[c] = x.get(c * layout.width());
        }
        List<double[][]> partials = sweep(layout, (from, to, scratch) -> {
            double[] sum = new double[channels];
            double[] squares = new double[channels];
            for (int row = from; row < to; row++) {
                int c = row % channels;
                float[] v = scratch.load(x, row);
                float k = shift[c];
                float s0 = 0, s1 = 0, q0 = 0, q1 = 0;
                int i = 0;
                for (; i + 1 < v.length; i += 2) {
                    float d0 = v[i] - k;
                    float d1 = v[i + 1] - k;
                    s0 += d0;
                    s1 += d1;
                    q0 += d0 * d0;
                    q1 += d1 * d1;
                }
                for (; i < v.length; i++) {
                    float d = v[i] - k;
                    s0 += d;
                    q0 += d * d;
                }
                sum[c] += s0 + s1;
                squares[c] += q0 + q1;
            }
            return new double[][] {sum, squares};
        });
        double count = layout.perChannel();
        double[] sum = total(partials, 0, channels);
        double[] squares = total(partials, 1, channels);
        for (int c = 0; c < channels; c++) {
            double shifted = sum[c] / count;
            mean[c] = shift[c] + shifted;
            variance[c] = Math.max(0, squares[c] / count - shifted * shifted);
        }
    }

    /** {@code y = act(x * scale[c] + shift[c])}, where act keeps positives and multiplies negatives by {@code slope}. */
    void affine(FloatBuffer x, FloatBuffer y, Layout layout, float[] scale, float[] shift, Activation act) {
        int channels = layout.channels();
        sweep(layout, (from, to, scratch) -> {
            for (int row = from; row < to; row++) {
                int c = row % channels;
                float[] v = scratch.load(x, row);
                float a = scale[c];
                float b = shift[c];
                if (act.identity()) {
                    for (int i = 0; i < v.length; i++) {
                        v[i] = v[i] * a + b;
                    }
                } else {
                    // max/min rather than a branch: the signs are random, and this form vectorizes.
                    float slope = act.slope();
                    for (int i = 0; i < v.length; i++) {
                        float z = v[i] * a + b;
                        v[i] = Math.max(z, 0f) + slope * Math.min(z, 0f);
                    }
                }
                scratch.store(y, row);
            }
            return null;
        });
    }

    /**
     * Per channel, the sum of the gradient reaching the normalised value, and that sum weighted by
     * {@code x - mean}. With an activation the gradient {@code dy} is first passed back through it, whose input
     * {@code x * scale + shift} is recomputed rather than stored.
     */
    void gradientSums(FloatBuffer dy, FloatBuffer x, Layout layout, float[] mean, float[] scale, float[] shift,
                      Activation act, double[] sumGradient, double[] sumGradientCentred) {
        int channels = layout.channels();
        List<double[][]> partials = sweep(layout, (from, to, scratch) -> {
            double[] sum = new double[channels];
            double[] weighted = new double[channels];
            for (int row = from; row < to; row++) {
                int c = row % channels;
                float[] g = scratch.load(dy, row);
                float[] v = scratch.loadSecond(x, row);
                float m = mean[c];
                float s0 = 0;
                float s1 = 0;
                float w0 = 0;
                float w1 = 0;
                if (act.identity()) {
                    int i = 0;
                    for (; i + 1 < g.length; i += 2) {
                        s0 += g[i];
                        s1 += g[i + 1];
                        w0 += g[i] * (v[i] - m);
                        w1 += g[i + 1] * (v[i + 1] - m);
                    }
                    for (; i < g.length; i++) {
                        s0 += g[i];
                        w0 += g[i] * (v[i] - m);
                    }
                } else {
                    float a = scale[c];
                    float b = shift[c];
                    int slopeBits = Float.floatToRawIntBits(act.slope());
                    for (int i = 0; i < g.length; i++) {
                        float gi = g[i] * act.gate(v[i] * a + b, slopeBits);
                        s0 += gi;
                        w0 += gi * (v[i] - m);
                    }
                }
                sum[c] += s0 + s1;
                weighted[c] += w0 + w1;
            }
            return new double[][] {sum, weighted};
        });
        System.arraycopy(total(partials, 0, channels), 0, sumGradient, 0, channels);
        System.arraycopy(total(partials, 1, channels), 0, sumGradientCentred, 0, channels);
    }

    /** Per channel, the threads' partial sums of one kind ({@code which}) added up in the threads' order. */
    private static double[] total(List<double[][]> partials, int which, int channels) {
        double[] total = new double[channels];
        for (double[][] partial : partials) {
            for (int c = 0; c < channels; c++) {
                total[c] += partial[which][c];
            }
        }
        return total;
    }

    /**
     * The input gradient {@code dx = gradientScale[c] * g + centredScale[c] * (x - mean[c]) + offset[c]}, where
     * {@code g} is {@code dy} passed back through the activation as in
     * {@link #gradientSums}.
     */
    void inputGradient(FloatBuffer dy, FloatBuffer x, FloatBuffer dx, Layout layout, float[] mean, float[] scale,
                       float[] shift, Activation act, float[] gradientScale, float[] centredScale, float[] offset) {
        int channels = layout.channels();
        sweep(layout, (from, to, scratch) -> {
            for (int row = from; row < to; row++) {
                int c = row % channels;
                float[] g = scratch.load(dy, row);
                float[] v = scratch.loadSecond(x, row);
                float m = mean[c];
                float p = gradientScale[c];
                float q = centredScale[c];
                float o = offset[c];
                if (act.identity()) {
                    for (int i = 0; i < g.length; i++) {
                        g[i] = p * g[i] + q * (v[i] - m) + o;
                    }
                } else {
                    float a = scale[c];
                    float b = shift[c];
                    int slopeBits = Float.floatToRawIntBits(act.slope());
                    for (int i = 0; i < g.length; i++) {
                        float gi = g[i] * act.gate(v[i] * a + b, slopeBits);
                        g[i] = p * gi + q * (v[i] - m) + o;
                    }
                }
                scratch.store(dx, row);
            }
            return null;
        });
    }

    /**
     * The activation fused after the normalisation: a rectifier keeping positives and multiplying negatives by
     * {@code slope} (0 for ReLU, the leak for leaky ReLU), the identity being slope 1.
     */
    record Activation(float slope) {

        static final Activation IDENTITY = new Activation(1);

        Activation {
            if (!(slope >= 0 && Float.isFinite(slope))) {
                throw new IllegalArgumentException("rectifier slope must be finite and not negative, got " + slope);
            }
        }

        /** ReLU for slope 0, leaky ReLU otherwise. */
        static Activation rectifier(double slope) {
            return new Activation((float) slope);
        }

        boolean identity() {
            return slope == 1;
        }

        private static final int ONE_BITS = Float.floatToRawIntBits(1f);

        /**
         * The derivative at {@code z}: 1 when its sign bit is clear, the slope (given as its bits) when set. Picked
         * with bit masks because the signs are random and a branch would be mispredicted half the time.
         */
        float gate(float z, int slopeBits) {
            int negative = Float.floatToRawIntBits(z) >> 31;
            return Float.intBitsToFloat((ONE_BITS & ~negative) | (slopeBits & negative));
        }
    }

    /** One thread's share of a sweep: rows {@code [from, to)}. */
    private interface Range<T> {
        T run(int from, int to, Scratch scratch);
    }

    /** Row buffers of one thread: bulk copies in and out of the native tensors keep the inner loops on arrays. */
    private static final class Scratch {

        private final int width;
        private final float[] first;
        private final float[] second;

        Scratch(int width) {
            this.width = width;
            this.first = new float[width];
            this.second = new float[width];
        }

        float[] load(FloatBuffer tensor, int row) {
            tensor.get(row * width, first);
            return first;
        }

        float[] loadSecond(FloatBuffer tensor, int row) {
            tensor.get(row * width, second);
            return second;
        }

        /** Writes the first buffer back. */
        void store(FloatBuffer tensor, int row) {
            tensor.put(row * width, first);
        }
    }

    private <T> List<T> sweep(Layout layout, Range<T> range) {
        int parts = (int) Math.min(threads, layout.rows());
        List<ForkJoinTask<T>> forked = new ArrayList<>(parts - 1);
        for (int part = 1; part < parts; part++) {
            int from = bound(layout.rows(), parts, part);
            int to = bound(layout.rows(), parts, part + 1);
            forked.add(ForkJoinPool.commonPool().submit(() -> range.run(from, to, new Scratch(layout.width()))));
        }
        List<T> results = new ArrayList<>(parts);
        results.add(range.run(0, bound(layout.rows(), parts, 1), new Scratch(layout.width())));
        for (ForkJoinTask<T> task : forked) {
            results.add(task.join());
        }
        return results;
    }

    private static int bound(int rows, int parts, int part) {
        return (int) ((long) rows * part / parts);
    }
}
