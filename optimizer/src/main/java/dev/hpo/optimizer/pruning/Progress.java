package dev.hpo.optimizer.pruning;

import dev.hpo.trial.Measurement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A trial's intermediate metric against progress, measured as the elapsed share of the time cap every trial
 * of the study trains against.
 */
final class Progress {

    private final double capSeconds;
    private final String metric;
    private final boolean maximize;

    Progress(Duration timeCap, String metric, boolean maximize) {
        this.capSeconds = timeCap.toMillis() / 1000.0;
        this.metric = metric;
        this.maximize = maximize;
    }

    double fraction(Measurement m) {
        return m.elapsedSeconds() / capSeconds;
    }

    boolean maximize() {
        return maximize;
    }

    /** The best value of the metric among measurements taken up to {@code fraction} of the cap. */
    OptionalDouble bestUpTo(List<Measurement> measurements, double fraction) {
        OptionalDouble best = OptionalDouble.empty();
        for (Measurement m : measurements) {
            if (fraction(m) <= fraction + 1e-12 && m.has(metric)) {
                double v = m.metric(metric);
                if (best.isEmpty() || better(v, best.getAsDouble())) {
                    best = OptionalDouble.of(v);
                }
            }
        }
        return best;
    }

    boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }

    /** The values ordered best first. */
    double[] bestFirst(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        if (maximize) {
            for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
                double t = sorted[i];
                sorted[i] = sorted[j];
                sorted[j] = t;
            }
        }
        return sorted;
    }
}
