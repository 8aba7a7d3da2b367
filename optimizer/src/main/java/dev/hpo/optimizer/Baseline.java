package dev.hpo.optimizer;

import dev.hpo.study.Constraint;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A study's baseline: its first enqueued configuration, whose completed repeats set every {@code "baseline"}
 * bound of its constraints to the mean of the bound's metric over them. The one place that decides what the
 * baseline is, for the search and for what the service reports alike.
 */
public final class Baseline {

    private Baseline() {
    }

    /**
     * The constraints with every baseline bound replaced by the baseline's value where it is known; those still
     * waiting for it keep {@link Constraint#needsBaseline()}.
     *
     * @param trials the study's trials, by number
     */
    public static List<Constraint> resolve(List<Constraint> constraints, List<Trial> trials) {
        List<Constraint> resolved = new ArrayList<>(constraints.size());
        for (Constraint c : constraints) {
            OptionalDouble value = c.needsBaseline() ? value(trials, c.metric()) : OptionalDouble.empty();
            resolved.add(value.isPresent() ? c.withBaseline(value.getAsDouble()) : c);
        }
        return resolved;
    }

    /**
     * The mean of a metric over the completed repeats of the first enqueued configuration; empty before one of
     * them has completed with the metric.
     *
     * @param trials the study's trials, by number
     */
    public static OptionalDouble value(List<Trial> trials, String metric) {
        Optional<Trial> first = trials.stream().filter(Trial::enqueued).findFirst();
        if (first.isEmpty()) {
            return OptionalDouble.empty();
        }
        return trials.stream()
                .filter(t -> t.enqueued() && t.state() == TrialState.COMPLETE
                        && t.parameters().equals(first.get().parameters()) && t.metrics().containsKey(metric))
                .mapToDouble(t -> t.metrics().get(metric)).average();
    }
}
