package dev.hpo.optimizer.pruning;

import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.study.Fidelity;
import dev.hpo.study.Objective;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Early stopping of one study's trials: where a trial stands against the study's {@link Fidelity}, what it scored
 * at a rung, and its rule's verdict. A trial whose measurement has spent the whole budget trained to its end and is
 * never stopped, whatever the rule.
 *
 * <p>A trial's score at a rung is, for each objective it is ranked by, the best value it measured up to its first
 * measurement that reached the rung, or the value known before training (a network's MACs and parameters), turned
 * into a loss. Two ways to the same verdict:
 * <ul>
 * <li>{@link #shouldStop(List, Trial)} from every trial with its measurements, for a caller that holds them all
 *     (the benchmarks);</li>
 * <li>{@link #rungsReached}, {@link #losses} and {@link #shouldStop(Measurement, double[], List)} from what a rule
 *     needs: the service records each trial's losses at every rung it reaches, and reads a rung's back when another
 *     trial gets there, so a decision never reads the study's whole history.</li>
 * </ul>
 * Built once per study; keeps no state.
 */
public final class EarlyStopper {

    private final Pruner pruner;
    private final Fidelity fidelity;
    private final List<Objective> rankedBy;
    private final KnownMetrics known;
    private final double[] rungs;

    /**
     * @param rankedBy the objectives a trial is ranked by at a rung: the rule's metric and goal in a study with one
     *        objective, the study's two objectives in one that trades two off
     * @param known metrics known before training, used exactly instead of measured
     * @throws IllegalArgumentException when {@code rankedBy} holds neither one nor two objectives
     */
    public EarlyStopper(Pruner pruner, Fidelity fidelity, List<Objective> rankedBy, KnownMetrics known) {
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        this.fidelity = Objects.requireNonNull(fidelity, "fidelity");
        this.rankedBy = List.copyOf(rankedBy);
        this.known = Objects.requireNonNull(known, "known");
        if (this.rankedBy.isEmpty() || this.rankedBy.size() > 2) {
            throw new IllegalArgumentException("a trial is ranked by one or two objectives, got " + rankedBy.size());
        }
        this.rungs = pruner.rungs();
    }

    /** True when the rule may stop a trial at all. */
    public boolean enabled() {
        return rungs.length > 0;
    }

    public Fidelity fidelity() {
        return fidelity;
    }

    /** How many losses a score at a rung holds. */
    public int objectives() {
        return rankedBy.size();
    }

    /** See {@link Pruner#comparesWithCompletedTrialsOnly}. */
    public boolean comparesWithCompletedTrialsOnly() {
        return pruner.comparesWithCompletedTrialsOnly(objectives());
    }

    /**
     * Whether a measurement lies at or past the first rung: before it, no measurement can reach one, and a caller
     * need not read the trial's earlier measurements to find out.
     */
    public boolean pastFirstRung(Measurement measurement) {
        return enabled() && fidelity.fraction(measurement) >= rungs[0];
    }

    /**
     * The rungs the trial's latest measurement reached first, those between its previous measurement's progress
     * (exclusive) and its own (inclusive), ascending; several when it leapt.
     *
     * @param measurements the latest attempt's measurements in step order
     */
    public int[] rungsReached(List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return new int[0];
        }
        int last = measurements.size() - 1;
        double now = fidelity.fraction(measurements.get(last));
        double before = last > 0 ? fidelity.fraction(measurements.get(last - 1)) : -1;
        List<Integer> reached = new ArrayList<>();
        for (int k = 0; k < rungs.length; k++) {
            if (before < rungs[k] && now >= rungs[k]) {
                reached.add(k);
            }
        }
        return reached.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The trial's losses at a rung, one per objective it is ranked by; empty when it has not reached the rung or
     * lacks a value of one of them there.
     *
     * @param trial with its latest attempt's measurements and its parameters in the space's canonical types
     */
    public Optional<double[]> losses(Trial trial, int rung) {
        List<Measurement> measurements = trial.measurements();
        Optional<Measurement> first = measurements.stream().filter(m -> fidelity.fraction(m) >= rungs[rung])
                .findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        double upTo = fidelity.fraction(first.get());
        Map<String, Double> before = rankedBy.stream().anyMatch(o -> known.names().contains(o.metric()))
                ? known.of(trial.parameters()) : Map.of();
        double[] losses = new double[rankedBy.size()];
        for (int j = 0; j < losses.length; j++) {
            Objective objective = rankedBy.get(j);
            OptionalDouble value = known.names().contains(objective.metric())
                    ? optional(before.get(objective.metric())) : bestUpTo(measurements, upTo, objective);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            losses[j] = objective.loss(value.getAsDouble());
        }
        return Optional.of(losses);
    }

    /**
     * The verdict at a rung the trial's latest measurement reached.
     *
     * @param latest the trial's latest measurement: one that spent the whole budget is never stopped
     * @param own the trial's losses at the rung
     * @param others the losses other trials had at that rung, of completed trials only when
     *        {@link #comparesWithCompletedTrialsOnly}
     */
    public boolean shouldStop(Measurement latest, double[] own, List<double[]> others) {
        return !fidelity.spent(latest) && pruner.shouldStop(own, others);
    }

    /**
     * The verdict from the whole history, for the running trial that has just reported a measurement: judged at
     * the highest rung that measurement reached first, against every other trial's losses there.
     *
     * @param trials the study's trials with their latest attempts' measurements, {@code trial} among them; a
     *        waiting trial has none
     */
    public boolean shouldStop(List<Trial> trials, Trial trial) {
        int[] reached = rungsReached(trial.measurements());
        if (reached.length == 0) {
            return false;
        }
        int rung = reached[reached.length - 1];
        Optional<double[]> own = losses(trial, rung);
        if (own.isEmpty()) {
            return false;
        }
        List<double[]> others = new ArrayList<>();
        for (Trial t : trials) {
            boolean compared = t.id() != trial.id() && t.state() != TrialState.WAITING
                    && (!comparesWithCompletedTrialsOnly() || t.state() == TrialState.COMPLETE);
            if (compared) {
                losses(t, rung).ifPresent(others::add);
            }
        }
        return shouldStop(trial.lastMeasurement().orElseThrow(), own.get(), others);
    }

    /** The best value of the objective's metric among measurements taken up to {@code fraction} of the budget. */
    private OptionalDouble bestUpTo(List<Measurement> measurements, double fraction, Objective objective) {
        OptionalDouble best = OptionalDouble.empty();
        for (Measurement m : measurements) {
            if (fidelity.fraction(m) <= fraction + 1e-12 && m.has(objective.metric())) {
                double v = m.metric(objective.metric());
                if (best.isEmpty() || objective.goal().better(v, best.getAsDouble())) {
                    best = OptionalDouble.of(v);
                }
            }
        }
        return best;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
