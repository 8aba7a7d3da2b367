package dev.hpo.runner.data;

import java.util.Arrays;

/**
 * Per-channel mean and standard deviation of a training subset: what its images were normalised with, and so what
 * any image shown to the trained network must be normalised with too.
 *
 * @param mean of each channel's values in [0, 1]
 * @param std of each channel's values, positive (1 for a channel without spread)
 */
public record ChannelStatistics(double[] mean, double[] std) {

    /** @throws IllegalArgumentException when the arrays differ in length, are empty, or a deviation is not positive */
    public ChannelStatistics {
        mean = mean.clone();
        std = std.clone();
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got " + mean.length + " and "
                    + std.length);
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Double.isFinite(mean[c]) || !(std[c] > 0) || Double.isInfinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + " needs a finite mean and a positive std, got "
                        + mean[c] + " and " + std[c]);
            }
        }
    }

    /** Statistics that leave values as they are. */
    public static ChannelStatistics identity(int channels) {
        double[] ones = new double[channels];
        Arrays.fill(ones, 1);
        return new ChannelStatistics(new double[channels], ones);
    }

    public int channels() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelStatistics o && Arrays.equals(mean, o.mean) && Arrays.equals(std, o.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "ChannelStatistics[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
