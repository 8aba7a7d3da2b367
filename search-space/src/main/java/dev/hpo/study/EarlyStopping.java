package dev.hpo.study;

import java.util.Objects;

/**
 * When running trials may be stopped on their intermediate measurements. Progress is a share of the study's
 * {@link Fidelity} budget; a trial whose measurement reaches the whole budget is never stopped.
 *
 * @param rule the stopping rule
 * @param metric the intermediate metric compared between trials: one an objective or constraint of the study
 *        names (by default the first objective trials measure while they train); empty for {@link StoppingRule#NONE}
 * @param goal which way that metric should move: the goal of the objective on it, or, for a metric only a
 *        constraint names, the way into its bound
 * @param minFraction MEDIAN: share of the budget a trial always runs before it can be stopped, and the spacing
 *        of its later checkpoints; ASHA: the first rung, each later rung {@code reductionFactor} times further;
 *        in (0, 1)
 * @param reductionFactor ASHA: one in {@code reductionFactor} trials passes each rung, at least 2
 * @param minTrials MEDIAN: trials that must have reached the same point before a median is trusted, at least 1
 */
public record EarlyStopping(StoppingRule rule, String metric, Goal goal, double minFraction, int reductionFactor,
                            int minTrials) {

    public static final double DEFAULT_MEDIAN_MIN_FRACTION = 0.25;
    public static final int DEFAULT_REDUCTION_FACTOR = 3;
    public static final int DEFAULT_MIN_TRIALS = 5;

    public EarlyStopping {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(goal, "goal");
        if (rule != StoppingRule.NONE && metric.isBlank()) {
            throw new IllegalArgumentException("early stopping metric must not be blank");
        }
        if (!(minFraction > 0 && minFraction < 1)) {
            throw new IllegalArgumentException("minFraction must be in (0, 1), got " + minFraction);
        }
        if (reductionFactor < 2) {
            throw new IllegalArgumentException("reductionFactor must be at least 2, got " + reductionFactor);
        }
        if (minTrials < 1) {
            throw new IllegalArgumentException("minTrials must be at least 1, got " + minTrials);
        }
    }

    /** No early stopping. */
    public static EarlyStopping none() {
        return new EarlyStopping(StoppingRule.NONE, "", Goal.MAXIMIZE, DEFAULT_MEDIAN_MIN_FRACTION,
                DEFAULT_REDUCTION_FACTOR, DEFAULT_MIN_TRIALS);
    }

    /** The median rule on a metric with its defaults. */
    public static EarlyStopping median(String metric, Goal goal) {
        return new EarlyStopping(StoppingRule.MEDIAN, metric, goal, DEFAULT_MEDIAN_MIN_FRACTION,
                DEFAULT_REDUCTION_FACTOR, DEFAULT_MIN_TRIALS);
    }

    /** ASHA on a metric with reduction factor 3 and rungs at 1/9 and 1/3 of the budget. */
    public static EarlyStopping asha(String metric, Goal goal) {
        return new EarlyStopping(StoppingRule.ASHA, metric, goal, defaultAshaMinFraction(DEFAULT_REDUCTION_FACTOR),
                DEFAULT_REDUCTION_FACTOR, DEFAULT_MIN_TRIALS);
    }

    /** Two rungs below the full budget: {@code 1 / reductionFactor^2}. */
    public static double defaultAshaMinFraction(int reductionFactor) {
        return 1.0 / ((double) reductionFactor * reductionFactor);
    }

    public boolean enabled() {
        return rule != StoppingRule.NONE;
    }
}
