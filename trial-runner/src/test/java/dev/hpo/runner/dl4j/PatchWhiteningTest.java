package dev.hpo.runner.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.LabeledImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class PatchWhiteningTest {

    private static final int SIDE = 16;

    @Test
    void whitenedPixelsHaveUnitVarianceAndLoseTheirNeighboursCorrelation() {
        LabeledImages smooth = smoothImages(200, 3);
        INDArray filter = PatchWhitening.filters(smooth, 1);

        assertThat(filter.shape()).containsExactly(1, 1, 3, 3);
        assertThat(neighbourCorrelation(smooth.pixels(), 200)).as("input").isGreaterThan(0.7);
        float[] whitened = apply(filter, smooth);
        assertThat(Math.abs(neighbourCorrelation(whitened, 200))).as("whitened").isLessThan(0.2);
        assertThat(variance(whitened)).isBetween(0.8, 1.05);
    }

    /** Noise blurred horizontally and vertically: strongly correlated neighbours, like natural images. */
    private static LabeledImages smoothImages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * SIDE * SIDE];
        for (int n = 0; n < count; n++) {
            double[][] noise = new double[SIDE + 4][SIDE + 4];
            for (double[] row : noise) {
                for (int x = 0; x < row.length; x++) {
                    row[x] = random.nextGaussian();
                }
            }
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < 5; dy++) {
                        for (int dx = 0; dx < 5; dx++) {
                            sum += noise[y + dy][x + dx];
                        }
                    }
                    pixels[(n * SIDE + y) * SIDE + x] = (float) (sum / 5);
                }
            }
        }
        return new LabeledImages(pixels, new int[count], InputShape.of(1, SIDE, SIDE));
    }

    /** The filter applied at every interior pixel; border pixels are left at 0 and skipped by the statistics. */
    private static float[] apply(INDArray filter, LabeledImages images) {
        float[] in = images.pixels();
        float[] out = new float[in.length];
        for (int n = 0; n < images.size(); n++) {
            for (int y = 1; y < SIDE - 1; y++) {
                for (int x = 1; x < SIDE - 1; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < 3; dy++) {
                        for (int dx = 0; dx < 3; dx++) {
                            sum += filter.getDouble(0, 0, dy, dx) * in[(n * SIDE + y + dy - 1) * SIDE + x + dx - 1];
                        }
                    }
                    out[(n * SIDE + y) * SIDE + x] = (float) sum;
                }
            }
        }
        return out;
    }

    private static double neighbourCorrelation(float[] p, int count) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        double sx = 0;
        double sy = 0;
        int m = 0;
        for (int n = 0; n < count; n++) {
            for (int y = 1; y < SIDE - 1; y++) {
                for (int x = 1; x < SIDE - 2; x++) {
                    double a = p[(n * SIDE + y) * SIDE + x];
                    double b = p[(n * SIDE + y) * SIDE + x + 1];
                    sx += a;
                    sy += b;
                    sxy += a * b;
                    sxx += a * a;
                    syy += b * b;
                    m++;
                }
            }
        }
        double cov = sxy / m - sx / m * sy / m;
        return cov / Math.sqrt((sxx / m - sx / m * sx / m) * (syy / m - sy / m * sy / m));
    }

    private static double variance(float[] p) {
        double s = 0;
        double s2 = 0;
        int m = 0;
        for (int n = 0; n < p.length / (SIDE * SIDE); n++) {
            for (int y = 1; y < SIDE - 1; y++) {
                for (int x = 1; x < SIDE - 1; x++) {
                    double v = p[(n * SIDE + y) * SIDE + x];
                    s += v;
                    s2 += v * v;
                    m++;
                }
            }
        }
        return s2 / m - (s / m) * (s / m);
    }
}
