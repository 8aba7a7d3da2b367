package dev.hpo.api.optimizer;

import dev.hpo.api.optimizer.core.KnownMetrics;
import dev.hpo.api.optimizer.core.Objective;
import dev.hpo.api.optimizer.core.Observation;
import dev.hpo.api.optimizer.core.Outcome;
import dev.hpo.api.optimizer.core.OutcomeConstraint;
import dev.hpo.api.optimizer.core.SearchProblem;
import dev.hpo.space.SearchSpace;
import dev.hpo.study.Constraint;
import dev.hpo.study.Goal;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Translates a study (spec and trials) into the optimizer's own terms: a {@link SearchProblem} and
 * {@link Observation}s. The algorithms know nothing of specs, trial states or measurements.
 *
 * <ul>
 *   <li>Waiting and running trials are pending; complete trials bring their final metrics; pruned and stopped
 *       trials bring their last measurement's metrics (final metrics, if any, on top).</li>
 *   <li>A constraint bounded by {@code "baseline"} takes the mean value, over its completed repeats, of the
 *       study's first enqueued configuration. Until that is known (the baseline runs first, but other workers
 *       do not wait for it) the optimizer holds trials to the best value of the metric completed so far, a
 *       demanding stand-in that keeps it from chasing cheap but useless networks; with no completed value at
 *       all the constraint is left out.</li>
 *   <li>MACs and parameters come from the cost model when the study uses the built-in trainer.</li>
 * </ul>
 */
public final class StudyProblems {

    private StudyProblems() {
    }

    public static SearchProblem problem(StudyHistory history) {
        StudySpec spec = history.spec();
        SearchSpace space = spec.searchSpace();
        List<Objective> objectives = spec.objectives().stream()
                .map(o -> new Objective(o.metric(), o.goal() == Goal.MAXIMIZE)).toList();
        List<OutcomeConstraint> constraints = new ArrayList<>();
        for (Constraint c : resolvedConstraints(history)) {
            if (!c.needsBaseline()) {
                constraints.add(new OutcomeConstraint(c.metric(), c.min(), c.max()));
                continue;
            }
            OptionalDouble standIn = bestCompleted(history, c.metric(), c.baseline() == Constraint.Baseline.MIN);
            if (standIn.isPresent()) {
                Constraint provisional = c.withBaseline(standIn.getAsDouble());
                constraints.add(new OutcomeConstraint(c.metric(), provisional.min(), provisional.max()));
            }
        }
        KnownMetrics known = CostModelMetrics.of(spec);
        return new SearchProblem(space, objectives, constraints, known, spec.algorithm().populationSize(),
                spec.seed());
    }

    /**
     * The study's constraints with every baseline bound replaced by the baseline's value where it is known;
     * those still waiting for it keep {@link Constraint#needsBaseline()}.
     */
    public static List<Constraint> resolvedConstraints(StudyHistory history) {
        List<Constraint> resolved = new ArrayList<>();
        for (Constraint c : history.spec().constraints()) {
            if (!c.needsBaseline()) {
                resolved.add(c);
                continue;
            }
            OptionalDouble value = baselineValue(history, c.metric());
            resolved.add(value.isPresent() ? c.withBaseline(value.getAsDouble()) : c);
        }
        return resolved;
    }

    /** The mean of a metric over the completed repeats of the first enqueued configuration. */
    public static OptionalDouble baselineValue(StudyHistory history, String metric) {
        TrialRecord first = history.trials().stream().filter(TrialRecord::enqueued).findFirst().orElse(null);
        if (first == null) {
            return OptionalDouble.empty();
        }
        return history.trials().stream()
                .filter(t -> t.enqueued() && t.state() == TrialState.COMPLETE
                        && t.parameters().equals(first.parameters()) && t.metrics().containsKey(metric))
                .mapToDouble(t -> t.metrics().get(metric)).average();
    }

    private static OptionalDouble bestCompleted(StudyHistory history, String metric, boolean highest) {
        var values = history.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.metrics().containsKey(metric))
                .mapToDouble(t -> t.metrics().get(metric));
        return highest ? values.max() : values.min();
    }

    public static List<Observation> observations(StudyHistory history) {
        List<Observation> observations = new ArrayList<>(history.trials().size());
        for (TrialRecord t : history.trials()) {
            observations.add(new Observation(t.number(), t.parameters(), outcome(t.state()), metrics(t), t.enqueued()));
        }
        return observations;
    }

    static Outcome outcome(TrialState state) {
        return switch (state) {
            case WAITING, RUNNING -> Outcome.PENDING;
            case COMPLETE -> Outcome.COMPLETE;
            case PRUNED, STOPPED -> Outcome.PRUNED;
            case FAILED -> Outcome.FAILED;
        };
    }

    private static Map<String, Double> metrics(TrialRecord t) {
        if (t.state() != TrialState.PRUNED && t.state() != TrialState.STOPPED) {
            return t.metrics();
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!t.measurements().isEmpty()) {
            Measurement last = t.measurements().get(t.measurements().size() - 1);
            metrics.putAll(last.metrics());
        }
        metrics.putAll(t.metrics());
        return metrics;
    }
}
