package dev.hpo.api.study;

import dev.hpo.protocol.Candidate;
import dev.hpo.study.Constraint;
import dev.hpo.study.Goal;
import dev.hpo.study.Objective;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Ranks a study's configurations. Repeats of one configuration form a group whose metrics are the means over its
 * complete repeats. A feasible group (every constraint met) beats an infeasible one; feasible groups compare by
 * objective, infeasible ones by total violation.
 */
public final class Ranking {

    /** One trial's outcome, as far as ranking cares. */
    public record Outcome(long trialId, long configKey, Map<String, Object> parameters, TrialState state,
                          Map<String, Double> metrics, boolean enqueued) {

        /** The outcome of a trial the optimizer proposed. */
        public Outcome(long trialId, long configKey, Map<String, Object> parameters, TrialState state,
                       Map<String, Double> metrics) {
            this(trialId, configKey, parameters, state, metrics, false);
        }
    }

    private Ranking() {
    }

    /** Groups of complete trials by configuration, in order of first appearance. */
    public static List<Candidate> candidates(StudySpec spec, List<Outcome> outcomes) {
        Map<Long, List<Outcome>> groups = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.state() == TrialState.COMPLETE) {
                groups.computeIfAbsent(o.configKey(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Constraint> constraints = withBaseline(spec.constraints(), outcomes);
        List<Candidate> candidates = new ArrayList<>(groups.size());
        for (List<Outcome> group : groups.values()) {
            candidates.add(summarise(constraints, group));
        }
        return candidates;
    }

    /**
     * Constraints with each {@code "baseline"} bound replaced by the mean of its metric over the completed
     * repeats of the first enqueued configuration; a bound whose baseline has not completed yet judges nothing.
     */
    static List<Constraint> withBaseline(List<Constraint> constraints, List<Outcome> outcomes) {
        Optional<Long> baseline = outcomes.stream().filter(Outcome::enqueued).map(Outcome::configKey).findFirst();
        List<Constraint> resolved = new ArrayList<>(constraints.size());
        for (Constraint c : constraints) {
            OptionalDouble value = !c.needsBaseline() || baseline.isEmpty() ? OptionalDouble.empty()
                    : outcomes.stream().filter(o -> o.configKey() == baseline.get() && o.state() == TrialState.COMPLETE
                            && o.metrics().containsKey(c.metric())).mapToDouble(o -> o.metrics().get(c.metric())).average();
            resolved.add(value.isPresent() ? c.withBaseline(value.getAsDouble()) : c);
        }
        return resolved;
    }

    private static Candidate summarise(List<Constraint> constraints, List<Outcome> group) {
        TreeSet<String> names = new TreeSet<>();
        group.forEach(o -> names.addAll(o.metrics().keySet()));
        Map<String, Double> means = new LinkedHashMap<>();
        Map<String, Double> spreads = new LinkedHashMap<>();
        for (String name : names) {
            double[] values = group.stream().map(o -> o.metrics().get(name)).filter(v -> v != null)
                    .mapToDouble(Double::doubleValue).toArray();
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            means.put(name, mean);
            spreads.put(name, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0.0);
        }
        double violation = 0;
        for (Constraint c : constraints) {
            Double value = means.get(c.metric());
            violation += c.violation(value == null ? Double.NaN : value);
        }
        return new Candidate(group.get(0).configKey(), group.get(0).parameters(),
                group.stream().map(Outcome::trialId).toList(), means, spreads, violation == 0, violation);
    }

    /** The best candidate for the study's first objective, feasible first; empty when nothing completed. */
    public static Optional<Candidate> best(StudySpec spec, List<Candidate> candidates) {
        Objective objective = spec.objectives().get(0);
        return candidates.stream().filter(c -> c.metrics().containsKey(objective.metric()))
                .min(order(objective));
    }

    /**
     * Feasible candidates that no other feasible candidate dominates on both objectives, sorted by the first.
     *
     * @throws IllegalArgumentException when the study does not have two objectives
     */
    public static List<Candidate> paretoFront(StudySpec spec, List<Candidate> candidates) {
        if (spec.objectives().size() != 2) {
            throw new IllegalArgumentException("a Pareto front needs two objectives, the study has "
                    + spec.objectives().size());
        }
        Objective first = spec.objectives().get(0);
        Objective second = spec.objectives().get(1);
        List<Candidate> feasible = candidates.stream().filter(Candidate::feasible)
                .filter(c -> c.metrics().containsKey(first.metric()) && c.metrics().containsKey(second.metric()))
                .toList();
        List<Candidate> front = new ArrayList<>();
        for (Candidate c : feasible) {
            boolean dominated = feasible.stream().anyMatch(o -> dominates(o, c, first, second));
            if (!dominated) {
                front.add(c);
            }
        }
        front.sort(order(first));
        return front;
    }

    private static boolean dominates(Candidate a, Candidate b, Objective first, Objective second) {
        int x = compare(first, a, b);
        int y = compare(second, a, b);
        return x <= 0 && y <= 0 && (x < 0 || y < 0);
    }

    /** Negative when {@code a} is better than {@code b} on the objective. */
    private static int compare(Objective objective, Candidate a, Candidate b) {
        int natural = Double.compare(a.metrics().get(objective.metric()), b.metrics().get(objective.metric()));
        return objective.goal() == Goal.MAXIMIZE ? -natural : natural;
    }

    private static Comparator<Candidate> order(Objective objective) {
        return Comparator.comparing((Candidate c) -> !c.feasible())
                .thenComparingDouble(c -> c.feasible() ? 0 : c.violation())
                .thenComparing((a, b) -> compare(objective, a, b));
    }
}
