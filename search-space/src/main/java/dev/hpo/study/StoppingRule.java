package dev.hpo.study;

/** Whether and how running trials are stopped early on their intermediate measurements. */
public enum StoppingRule {
    /** Every trial runs to its time cap or completion. */
    NONE,
    /** Stop a trial whose best value so far is worse than the median of earlier trials at the same time. */
    MEDIAN,
    /** Asynchronous successive halving: only the top 1/reductionFactor of trials pass each rung. */
    ASHA
}
