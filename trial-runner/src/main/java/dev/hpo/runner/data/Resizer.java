package dev.hpo.runner.data;

/**
 * Resizes channels-first float images with a separable filter: area averaging (each output pixel is the mean of
 * the source area it covers, like OpenCV's INTER_AREA) along an axis that shrinks, so downscaling never aliases,
 * and bilinear interpolation with pixel centres at half-integers (PyTorch's {@code align_corners=False}) along an
 * axis that grows. An axis that keeps its size is copied.
 */
final class Resizer {

    private final int sourceHeight;
    private final int sourceWidth;
    private final int targetHeight;
    private final int targetWidth;
    private final Axis rows;
    private final Axis columns;

    Resizer(int sourceHeight, int sourceWidth, int targetHeight, int targetWidth) {
        this.sourceHeight = sourceHeight;
        this.sourceWidth = sourceWidth;
        this.targetHeight = targetHeight;
        this.targetWidth = targetWidth;
        this.rows = Axis.of(sourceHeight, targetHeight);
        this.columns = Axis.of(sourceWidth, targetWidth);
    }

    boolean isIdentity() {
        return sourceHeight == targetHeight && sourceWidth == targetWidth;
    }

    /**
     * Resizes {@code channels} planes from {@code source} (starting at {@code sourceOffset}) into {@code target}
     * (starting at {@code targetOffset}).
     */
    void resize(float[] source, int sourceOffset, float[] target, int targetOffset, int channels) {
        if (isIdentity()) {
            System.arraycopy(source, sourceOffset, target, targetOffset, channels * sourceHeight * sourceWidth);
            return;
        }
        float[] widened = new float[sourceHeight * targetWidth];
        for (int c = 0; c < channels; c++) {
            int sourcePlane = sourceOffset + c * sourceHeight * sourceWidth;
            for (int y = 0; y < sourceHeight; y++) {
                columns.apply(source, sourcePlane + y * sourceWidth, 1, widened, y * targetWidth, 1);
            }
            int targetPlane = targetOffset + c * targetHeight * targetWidth;
            for (int y = 0; y < targetHeight; y++) {
                rows.blendRows(widened, targetWidth, target, targetPlane + y * targetWidth, y);
            }
        }
    }

    /** The taps of each output position along one axis: source indices and their weights. */
    private record Axis(int[][] indices, float[][] weights) {

        static Axis of(int source, int target) {
            int[][] indices = new int[target][];
            float[][] weights = new float[target][];
            if (target == source) {
                for (int i = 0; i < target; i++) {
                    indices[i] = new int[] {i};
                    weights[i] = new float[] {1f};
                }
            } else if (target < source) {
                area(source, target, indices, weights);
            } else {
                bilinear(source, target, indices, weights);
            }
            return new Axis(indices, weights);
        }

        private static void area(int source, int target, int[][] indices, float[][] weights) {
            double scale = (double) source / target;
            for (int i = 0; i < target; i++) {
                double start = i * scale;
                double end = Math.min(source, (i + 1) * scale);
                int first = (int) Math.floor(start);
                int last = Math.min(source - 1, (int) Math.ceil(end) - 1);
                int taps = last - first + 1;
                indices[i] = new int[taps];
                weights[i] = new float[taps];
                for (int k = 0; k < taps; k++) {
                    int s = first + k;
                    double overlap = Math.min(end, s + 1) - Math.max(start, s);
                    indices[i][k] = s;
                    weights[i][k] = (float) (overlap / scale);
                }
            }
        }

        private static void bilinear(int source, int target, int[][] indices, float[][] weights) {
            double scale = (double) source / target;
            for (int i = 0; i < target; i++) {
                double position = Math.max(0, (i + 0.5) * scale - 0.5);
                int low = Math.min((int) Math.floor(position), source - 1);
                int high = Math.min(low + 1, source - 1);
                float fraction = (float) (position - low);
                if (low == high) {
                    indices[i] = new int[] {low};
                    weights[i] = new float[] {1f};
                } else {
                    indices[i] = new int[] {low, high};
                    weights[i] = new float[] {1f - fraction, fraction};
                }
            }
        }

        /**
         * Writes output row {@code i} as the weighted sum of whole source rows of {@code width} values: row by
         * row, so both arrays are walked in memory order.
         */
        void blendRows(float[] source, int width, float[] target, int targetOffset, int i) {
            int[] taps = indices[i];
            float[] w = weights[i];
            int first = taps[0] * width;
            float weight = w[0];
            for (int x = 0; x < width; x++) {
                target[targetOffset + x] = weight * source[first + x];
            }
            for (int k = 1; k < taps.length; k++) {
                int row = taps[k] * width;
                float tapWeight = w[k];
                for (int x = 0; x < width; x++) {
                    target[targetOffset + x] += tapWeight * source[row + x];
                }
            }
        }

        void apply(float[] source, int sourceOffset, int sourceStride, float[] target, int targetOffset,
                   int targetStride) {
            for (int i = 0; i < indices.length; i++) {
                int[] taps = indices[i];
                float[] w = weights[i];
                float sum = 0f;
                for (int k = 0; k < taps.length; k++) {
                    sum += w[k] * source[sourceOffset + taps[k] * sourceStride];
                }
                target[targetOffset + i * targetStride] = sum;
            }
        }
    }
}
