package dev.hpo.study;

import dev.hpo.trial.Measurement;
import java.time.Duration;
import java.util.Objects;

/**
 * How far a trial may train, and how far it has come: the unit its progress is counted in and the budget of one
 * trial in that unit. Early stopping places its rungs at shares of this budget, and a trial whose measurement
 * reaches the whole budget has trained to the end.
 *
 * <p>In seconds, progress is a measurement's {@code elapsedSeconds} and the budget is the time cap, so every trial
 * is compared at the same point whatever its speed. In steps, progress is a measurement's {@code step} and the
 * budget is a number the study gives, for trials that count epochs or mini-batches themselves.
 *
 * @param unit what progress is counted in
 * @param max the budget of one trial in that unit: positive and finite, a whole number of steps
 * @throws IllegalArgumentException when {@code max} breaks those rules
 */
public record Fidelity(FidelityUnit unit, double max) {

    /** Budgets beyond this many steps are surely a mistake, and stay exact as doubles. */
    public static final long MAX_STEPS = 1_000_000_000L;

    public Fidelity {
        Objects.requireNonNull(unit, "unit");
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("a fidelity budget must be a positive, finite number, got " + max);
        }
        if (unit == FidelityUnit.STEPS && (max != Math.rint(max) || max > MAX_STEPS)) {
            throw new IllegalArgumentException("a budget in steps must be a whole number in [1, " + MAX_STEPS
                    + "], got " + max);
        }
    }

    /** Progress in elapsed seconds against the time cap. */
    public static Fidelity seconds(Duration timeCap) {
        return new Fidelity(FidelityUnit.SECONDS, Durations.seconds(timeCap));
    }

    /** Progress in the trial's own steps against a budget of {@code max} of them. */
    public static Fidelity steps(long max) {
        return new Fidelity(FidelityUnit.STEPS, max);
    }

    /** Where a measurement stands, in this unit. */
    public double position(Measurement measurement) {
        return unit == FidelityUnit.STEPS ? measurement.step() : measurement.elapsedSeconds();
    }

    /** Where a measurement stands, as a share of the budget; 1 or more once the budget is spent. */
    public double fraction(Measurement measurement) {
        return position(measurement) / max;
    }

    /** True when the measurement was taken with the whole budget spent: the trial trained to its end. */
    public boolean spent(Measurement measurement) {
        return position(measurement) >= max;
    }
}
