package dev.hpo.optimizer.pruning;

import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Goal;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Asynchronous successive halving (Li et al., 2020). Rungs sit at {@code minFraction * eta^k} of the time cap,
 * below the full cap. When a trial's measurement first reaches a rung, its best value so far is compared with
 * the values every other trial had when it reached that rung: it goes on only when it is among the best
 * {@code floor(n / eta)} of the {@code n} values, itself included (among the best one while fewer than
 * {@code eta} trials got there). Nobody waits for a rung to fill: a decision uses whatever has arrived.
 */
public final class AshaPruner implements Pruner {

    private final Progress progress;
    private final double[] rungs;
    private final int eta;

    public AshaPruner(Duration timeCap, String metric, boolean maximize, double minFraction, int eta) {
        if (eta < 2) {
            throw new IllegalArgumentException("reductionFactor must be at least 2, got " + eta);
        }
        if (!(minFraction > 0 && minFraction < 1)) {
            throw new IllegalArgumentException("minFraction must be in (0, 1), got " + minFraction);
        }
        this.progress = new Progress(timeCap, metric, maximize);
        this.eta = eta;
        List<Double> list = new ArrayList<>();
        for (double r = minFraction; r < 1 - 1e-9; r *= eta) {
            list.add(r);
        }
        this.rungs = list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static AshaPruner of(Duration timeCap, EarlyStopping rule) {
        return new AshaPruner(timeCap, rule.metric(), rule.goal() == Goal.MAXIMIZE, rule.minFraction(),
                rule.reductionFactor());
    }

    /** The rungs, as shares of the time cap. */
    public double[] rungs() {
        return rungs.clone();
    }

    @Override
    public boolean shouldPrune(List<Trial> trials, Trial trial) {
        List<Measurement> measurements = trial.measurements();
        if (measurements.isEmpty()) {
            return false;
        }
        int last = measurements.size() - 1;
        double now = progress.fraction(measurements.get(last));
        double before = last > 0 ? progress.fraction(measurements.get(last - 1)) : -1;
        for (int k = rungs.length - 1; k >= 0; k--) {
            if (before < rungs[k] && now >= rungs[k]) {
                return !promotable(trials, trial, k);
            }
        }
        return false;
    }

    private boolean promotable(List<Trial> trials, Trial trial, int rung) {
        OptionalDouble own = valueAtRung(trial.measurements(), rung);
        if (own.isEmpty()) {
            return true;
        }
        List<Double> values = new ArrayList<>();
        values.add(own.getAsDouble());
        for (Trial t : trials) {
            if (t.number() != trial.number()) {
                valueAtRung(t.measurements(), rung).ifPresent(values::add);
            }
        }
        double[] bestFirst = progress.bestFirst(values.stream().mapToDouble(Double::doubleValue).toArray());
        int promoted = Math.max(1, values.size() / eta);
        double threshold = bestFirst[promoted - 1];
        return !progress.better(threshold, own.getAsDouble());
    }

    /** The best value up to the first measurement that reached the rung; empty when none reached it. */
    private OptionalDouble valueAtRung(List<Measurement> measurements, int rung) {
        for (Measurement m : measurements) {
            double f = progress.fraction(m);
            if (f >= rungs[rung]) {
                return progress.bestUpTo(measurements, f);
            }
        }
        return OptionalDouble.empty();
    }
}
