package dev.hpo.optimizer.core;

import dev.hpo.space.Configuration;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
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
 * @param trials the trials of this configuration, by number
 * @param standing its rank
 */
public record EvaluatedConfiguration(Configuration configuration, double[] unit, Outcome outcome,
                                     Map<String, MetricSummary> metrics, List<Trial> trials, Standing standing) {

    public EvaluatedConfiguration {
        metrics = Map.copyOf(metrics);
        trials = List.copyOf(trials);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("an evaluated configuration has at least one trial");
        }
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

    /** The number of its first trial: configurations are ordered by it. */
    public long firstTrial() {
        return trials.get(0).number();
    }

    /** True when any of its trials was enqueued by a user. */
    public boolean enqueued() {
        return trials.stream().anyMatch(Trial::enqueued);
    }

    /** Its trials that completed: those its metrics are the means of when its outcome is COMPLETE. */
    public List<Trial> completedTrials() {
        return trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
    }

    /** True when it has a result to learn from: completed or pruned. */
    public boolean finished() {
        return outcome == Outcome.COMPLETE || outcome == Outcome.PRUNED;
    }
}
