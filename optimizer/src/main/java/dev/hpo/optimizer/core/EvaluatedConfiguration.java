package dev.hpo.api.optimizer.core;

import dev.hpo.space.Configuration;
import java.util.List;
import java.util.Map;

/**
 * One configuration with everything its trials (its repeats) told: metrics are means over the completed
 * repeats, or over the pruned ones when none completed, with their spread.
 *
 * @param configuration the parameters, canonical
 * @param unit its point in the unit cube, canonical (integers and categoricals at their slice middles)
 * @param outcome COMPLETE when any repeat completed, else PRUNED when any was pruned, else PENDING when any
 *        is pending, else FAILED
 * @param metrics per metric, over the repeats of that outcome, known metrics included
 * @param trialNumbers the trials of this configuration, ascending
 * @param enqueued true when any of its trials was enqueued by a user
 * @param standing its rank
 */
public record EvaluatedConfiguration(Configuration configuration, double[] unit, Outcome outcome,
                                     Map<String, MetricSummary> metrics, List<Long> trialNumbers,
                                     boolean enqueued, Standing standing) {

    public EvaluatedConfiguration {
        metrics = Map.copyOf(metrics);
        trialNumbers = List.copyOf(trialNumbers);
        unit = unit.clone();
    }

    @Override
    public double[] unit() {
        return unit.clone();
    }

    /** The mean of a metric, or NaN when no repeat reported it. */
    public double mean(String metric) {
        MetricSummary s = metrics.get(metric);
        return s == null ? Double.NaN : s.mean();
    }

    public long firstTrial() {
        return trialNumbers.get(0);
    }

    /** True when it has a result to learn from: completed or pruned. */
    public boolean finished() {
        return outcome == Outcome.COMPLETE || outcome == Outcome.PRUNED;
    }
}
