package dev.hpo.optimizer;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.optimizer.core.Outcome;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.Standing;
import dev.hpo.optimizer.pareto.ParetoFront;
import dev.hpo.study.Constraint;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a study has found, as the service reports it: the configurations that completed, repeats averaged, ranked
 * by the search's own order ({@link Standing}: feasible first; feasible ones by the first objective, infeasible ones
 * by relative violation), its best configuration and its Pareto front.
 *
 * <p>It judges what the trials reported: a baseline bound counts once the {@link Baseline} has completed and judges
 * nothing before (the search's stand-in for it is a heuristic and stays out), and metrics known before training
 * are not filled in. Built once per read; it never changes.
 */
public final class StudyRanking {

    private final SearchProblem problem;
    private final Evaluations evaluations;
    /** Every constraint of the spec, a baseline bound replaced by the baseline's value once that is known. */
    private final List<Constraint> resolved;
    private final List<EvaluatedConfiguration> completed;
    /** Configurations by the numbers of their trials. */
    private final Map<Long, EvaluatedConfiguration> byTrial = new HashMap<>();
    /** Ranks of the completed, ranked configurations (1 for the best), by their first trial. */
    private final Map<Long, Integer> ranks = new HashMap<>();
    /** The Pareto front, best first by the first objective; null for a study with one objective, which has none. */
    private final List<EvaluatedConfiguration> front;

    private StudyRanking(StudySpec spec, List<Constraint> resolved, SearchProblem problem, Evaluations evaluations) {
        this.resolved = List.copyOf(resolved);
        this.problem = problem;
        this.evaluations = evaluations;
        this.completed = evaluations.all().stream().filter(c -> c.outcome() == Outcome.COMPLETE).toList();
        evaluations.all().forEach(c -> c.trials().forEach(t -> byTrial.put(t.number(), c)));
        for (EvaluatedConfiguration c : ranked()) {
            ranks.put(c.firstTrial(), ranks.size() + 1);
        }
        if (spec.multiObjective()) {
            List<EvaluatedConfiguration> sorted = new ArrayList<>(ParetoFront.front(evaluations));
            sorted.sort(Comparator.comparingDouble(c -> ParetoFront.losses(problem, c)[0]));
            this.front = List.copyOf(sorted);
        } else {
            this.front = null;
        }
    }

    /**
     * Ranks a study's trials.
     *
     * @param trials every trial of the study (waiting, running and failed ones too: the first enqueued one is the
     *        baseline, whatever its state); their measurements are not read
     * @throws IllegalArgumentException when a trial's configuration does not belong to the study's space
     */
    public static StudyRanking of(StudySpec spec, List<Trial> trials) {
        // Confirmation runs measure a result after the search; ranking them would let a re-run outvote the search.
        trials = trials.stream().filter(t -> !t.confirmation()).toList();
        List<Constraint> resolved = Baseline.resolve(spec.constraints(), trials);
        List<Constraint> judged = resolved.stream().filter(c -> !c.needsBaseline()).toList();
        SearchProblem problem = new SearchProblem(spec.searchSpace(), spec.objectives(), judged, KnownMetrics.none(),
                spec.algorithm().populationSize(), spec.seed());
        return new StudyRanking(spec, resolved, problem, Evaluations.of(problem, trials));
    }

    /** The constraints the configurations are judged by: numeric bounds, a baseline bound once it is known. */
    public List<Constraint> constraints() {
        return problem.constraints();
    }

    /**
     * Every constraint of the study in the spec's order, as a person should read it now: a baseline bound holds the
     * baseline's value once the baseline has completed, and still {@link Constraint#needsBaseline()} before (when
     * it judges nothing).
     */
    public List<Constraint> resolvedConstraints() {
        return resolved;
    }

    /** The configurations with a completed trial, in order of their first trial, means over the completed ones. */
    public List<EvaluatedConfiguration> configurations() {
        return completed;
    }

    /**
     * The best completed configuration for the first objective: the best feasible one, or while none is feasible
     * the one closest to feasible; empty while no completed configuration reported the objective.
     */
    public Optional<EvaluatedConfiguration> best() {
        return ranked().stream().findFirst();
    }

    /** The completed configurations that have a standing, best first: {@link #best()} heads them. */
    public List<EvaluatedConfiguration> ranked() {
        return evaluations.ranked().stream().filter(c -> c.outcome() == Outcome.COMPLETE).toList();
    }

    /**
     * The completed, feasible configurations no other one dominates on both objectives, best first by the first
     * objective (ties in order of their first trial).
     *
     * @throws IllegalStateException when the study does not have two objectives
     */
    public List<EvaluatedConfiguration> paretoFront() {
        if (front == null) {
            throw new IllegalStateException("a Pareto front needs two objectives, the study has "
                    + problem.objectives().size());
        }
        return front;
    }

    /** True when the configuration's means meet every constraint; a constrained metric it lacks is not met. */
    public boolean feasible(EvaluatedConfiguration configuration) {
        return Evaluations.violation(problem, configuration.metrics()) == 0;
    }

    /**
     * How far the configuration's means lie outside the constraints, in each metric's own unit, summed: 0 when
     * feasible, infinite when a constrained metric is missing. What a person reads; the ranking compares the
     * relative violation, so that a MACs bound does not outweigh an accuracy bound.
     */
    public double violation(EvaluatedConfiguration configuration) {
        double total = 0;
        for (Constraint c : problem.constraints()) {
            total += c.violation(configuration.mean(c.metric()));
        }
        return total;
    }

    /** The configuration a trial ran, with everything its repeats told; empty for a trial of another study. */
    public Optional<EvaluatedConfiguration> configurationOf(Trial trial) {
        return Optional.ofNullable(byTrial.get(trial.number()));
    }

    /** True when the trial's configuration has a result (completed or stopped early) that meets every constraint. */
    public boolean feasible(Trial trial) {
        return configurationOf(trial).filter(EvaluatedConfiguration::finished).map(this::feasible).orElse(false);
    }

    /** True when the trial's configuration is on the Pareto front of a two-objective study. */
    public boolean inParetoFront(Trial trial) {
        return front != null && configurationOf(trial)
                .map(c -> front.stream().anyMatch(f -> f.firstTrial() == c.firstTrial())).orElse(false);
    }

    /**
     * Where the trial's configuration stands among the completed ones, 1 for {@link #best()}, in the order
     * {@code best()} picks from; empty when it did not complete or has no standing (it lacks the objective).
     */
    public OptionalInt rank(Trial trial) {
        Integer rank = configurationOf(trial).map(c -> ranks.get(c.firstTrial())).orElse(null);
        return rank == null ? OptionalInt.empty() : OptionalInt.of(rank);
    }

    /**
     * The steps of a best-so-far curve: walking the trials in the order given (by number, or by the time they
     * finished), each completed trial whose configuration, met for the first time, ranks above the configurations
     * of every completed trial before it. The last step stands as high as {@link #best()}.
     *
     * @param order trials of this study, in the order they count
     */
    public List<Trial> bestSoFar(List<Trial> order) {
        List<Trial> steps = new ArrayList<>();
        Set<Long> met = new HashSet<>();
        Standing best = null;
        for (Trial t : order) {
            EvaluatedConfiguration c = t.state() == TrialState.COMPLETE ? byTrial.get(t.number()) : null;
            if (c == null || !met.add(c.firstTrial()) || !c.standing().ranked()) {
                continue;
            }
            if (best == null || c.standing().compareTo(best) > 0) {
                best = c.standing();
                steps.add(t);
            }
        }
        return steps;
    }
}
