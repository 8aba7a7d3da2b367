package dev.hpo.api.dashboard;

import dev.hpo.study.Fidelity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A study as its page header and charts need it: identity, state, timing, trial counts, and the parts of its spec
 * that say how trials are ranked and plotted.
 *
 * @param maxTrials the trials the study may create
 * @param fidelity what the trials' progress is counted in, and one trial's budget: the unit of the progress column
 *        and of the learning curves' axis
 * @param counts trials per state name, only states that occur
 * @param constraints the study's constraints as the ranking judges them now
 */
record StudyOverview(long id, String name, String description, String state, Instant createdAt, Instant finishedAt,
                     long maxTrials, Fidelity fidelity, Map<String, Long> counts, List<Objective> objectives,
                     List<Constraint> constraints, List<ParameterAxis> parameters) {

    StudyOverview {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fidelity, "fidelity");
        counts = Map.copyOf(counts);
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        parameters = List.copyOf(parameters);
    }

    /** A metric to optimise and its direction, MAXIMIZE or MINIMIZE. */
    record Objective(String metric, String goal) {
    }

    /**
     * Bounds a trial's metric must meet to count; either bound may be null.
     *
     * @param baseline {@code "min"} or {@code "max"} when that bound is the baseline's value of the metric, which
     *        the bound holds once the baseline has completed and is null before (the constraint then judges
     *        nothing); null for a constraint with numeric bounds only
     */
    record Constraint(String metric, Double min, Double max, String baseline) {
    }

    /**
     * A searched parameter as an axis: {@code float}/{@code int} with bounds and scale, or {@code categorical}
     * with its values in the spec's order.
     */
    record ParameterAxis(String name, String type, Double min, Double max, String scale, List<Object> values) {
    }
}
