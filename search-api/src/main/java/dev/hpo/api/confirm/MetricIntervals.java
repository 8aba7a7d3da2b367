package dev.hpo.api.confirm;

import dev.hpo.protocol.MetricInterval;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a metric over confirmation runs with its 95% confidence interval. The runs are few (ten, say), so
 * the interval uses Student's t with {@code n - 1} degrees of freedom rather than the normal approximation, which
 * would be about 12% too narrow at ten runs.
 */
final class MetricIntervals {

    private static final double CONFIDENCE = 0.95;

    private MetricIntervals() {
    }

    /** @param values one per run; at least one, all finite */
    static MetricInterval of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("an interval needs at least one value");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new MetricInterval(1, mean, 0, mean, mean);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double quantile = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
        double half = quantile * sd / Math.sqrt(n);
        return new MetricInterval(n, mean, sd, mean - half, mean + half);
    }
}
