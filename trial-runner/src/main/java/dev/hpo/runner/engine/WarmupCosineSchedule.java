package dev.hpo.runner.engine;

/**
 * Learning rate as a function of the elapsed share of the training time, not of the epoch: a trial does not know
 * how many epochs its time cap buys. Linear warm-up from 0 to the peak, then cosine decay to 0.
 *
 * @param peak learning rate at the end of the warm-up, positive
 * @param warmupFraction share of the training time spent warming up, in [0, 1)
 */
public record WarmupCosineSchedule(double peak, double warmupFraction) {

    public WarmupCosineSchedule {
        if (!(peak > 0) || Double.isInfinite(peak)) {
            throw new IllegalArgumentException("peak learning rate must be positive, got " + peak);
        }
        if (!(warmupFraction >= 0 && warmupFraction < 1)) {
            throw new IllegalArgumentException("warmupFraction must be in [0, 1), got " + warmupFraction);
        }
    }

    /** The learning rate after {@code fraction} of the training time; clamped to [0, 1]. */
    public double at(double fraction) {
        double f = Math.min(1, Math.max(0, fraction));
        if (f < warmupFraction) {
            return peak * f / warmupFraction;
        }
        double decay = (f - warmupFraction) / (1 - warmupFraction);
        return peak * 0.5 * (1 + Math.cos(Math.PI * decay));
    }
}
