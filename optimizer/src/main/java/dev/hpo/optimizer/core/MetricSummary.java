package dev.hpo.optimizer.core;

import java.util.List;

/**
 * A metric over the repeats of one configuration.
 *
 * @param mean the value the optimizer uses
 * @param standardDeviation sample standard deviation over the repeats, 0 for a single one
 * @param count how many repeats reported the metric
 */
public record MetricSummary(double mean, double standardDeviation, int count) {

    public static MetricSummary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a metric summary needs at least one value");
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
        return new MetricSummary(mean, sd, values.size());
    }
}
