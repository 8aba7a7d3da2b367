package dev.hpo.optimizer.pruning;

import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Goal;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The median stopping rule: once a trial has used {@code minFraction} of its time cap, it stops when its best
 * value so far is worse than the median of the completed trials' best values up to the same share of the cap.
 * Until {@code minTrials} completed trials reached that point, no median is trusted and nothing stops.
 */
public final class MedianPruner implements Pruner {

    private final Progress progress;
    private final double minFraction;
    private final int minTrials;

    public MedianPruner(Duration timeCap, String metric, boolean maximize, double minFraction, int minTrials) {
        this.progress = new Progress(timeCap, metric, maximize);
        this.minFraction = minFraction;
        this.minTrials = minTrials;
    }

    public static MedianPruner of(Duration timeCap, EarlyStopping rule) {
        return new MedianPruner(timeCap, rule.metric(), rule.goal() == Goal.MAXIMIZE, rule.minFraction(),
                rule.minTrials());
    }

    @Override
    public boolean shouldPrune(List<Trial> trials, Trial trial) {
        if (trial.measurements().isEmpty()) {
            return false;
        }
        Measurement latest = trial.measurements().get(trial.measurements().size() - 1);
        double fraction = progress.fraction(latest);
        if (fraction < minFraction) {
            return false;
        }
        OptionalDouble own = progress.bestUpTo(trial.measurements(), fraction);
        if (own.isEmpty()) {
            return false;
        }
        List<Double> others = new ArrayList<>();
        for (Trial t : trials) {
            if (t.number() != trial.number() && t.state() == TrialState.COMPLETE) {
                progress.bestUpTo(t.measurements(), fraction).ifPresent(others::add);
            }
        }
        if (others.size() < minTrials) {
            return false;
        }
        double[] sorted = others.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return progress.better(median, own.getAsDouble());
    }
}
