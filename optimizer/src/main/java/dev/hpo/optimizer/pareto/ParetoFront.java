package dev.hpo.optimizer.pareto;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.Standing;
import dev.hpo.study.Objective;
import io.jenetics.ext.moea.Pareto;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import java.util.ArrayList;
import java.util.List;

/**
 * Pareto ranking of configurations over several objectives, with constraint domination: a feasible
 * configuration dominates every infeasible one, and of two infeasible ones the smaller total violation
 * dominates. Built on Jenetics' non-dominated sorting ({@link Pareto}).
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /**
     * The losses (smaller is better) of a configuration's objectives, or null when it lacks one of them.
     */
    public static double[] losses(SearchProblem problem, EvaluatedConfiguration c) {
        List<Objective> objectives = problem.objectives();
        double[] losses = new double[objectives.size()];
        for (int j = 0; j < losses.length; j++) {
            double mean = c.mean(objectives.get(j).metric());
            if (Double.isNaN(mean)) {
                return null;
            }
            losses[j] = objectives.get(j).loss(mean);
        }
        return losses;
    }

    /** The finished configurations that have every objective, in order of their first trial. */
    public static List<EvaluatedConfiguration> members(Evaluations evaluations) {
        SearchProblem problem = evaluations.problem();
        return evaluations.finished().stream().filter(c -> losses(problem, c) != null).toList();
    }

    /**
     * Fitness vectors for Jenetics' multi-objective selectors (which maximise): minus the losses for feasible
     * configurations; for infeasible ones a point worse in every objective than any feasible one, and the
     * worse the larger the violation, so that plain Pareto dominance between the vectors is constraint
     * domination between the configurations.
     */
    public static List<Vec<double[]>> fitness(SearchProblem problem, List<EvaluatedConfiguration> members) {
        int m = problem.objectives().size();
        double[] worst = new double[m];
        double[] best = new double[m];
        java.util.Arrays.fill(worst, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (EvaluatedConfiguration c : members) {
            double[] losses = losses(problem, c);
            for (int j = 0; j < m; j++) {
                worst[j] = Math.max(worst[j], losses[j]);
                best[j] = Math.min(best[j], losses[j]);
            }
        }
        List<Vec<double[]>> vectors = new ArrayList<>(members.size());
        for (EvaluatedConfiguration c : members) {
            double[] losses = losses(problem, c);
            double[] values = new double[m];
            boolean feasible = c.standing().tier() != Standing.INFEASIBLE;
            for (int j = 0; j < m; j++) {
                double span = Math.max(worst[j] - best[j], 1e-12);
                values[j] = feasible ? -losses[j] : -(worst[j] + span * (1 + c.standing().violation()));
            }
            vectors.add(Vec.of(values));
        }
        return vectors;
    }

    /** Non-domination ranks (0 for the first front) under constraint domination. */
    public static int[] ranks(SearchProblem problem, List<EvaluatedConfiguration> members) {
        return Pareto.rank(ISeq.of(fitness(problem, members)));
    }

    /**
     * The study's answer with two objectives: the completed, feasible configurations no other completed,
     * feasible one dominates, in order of their first trial.
     */
    public static List<EvaluatedConfiguration> front(Evaluations evaluations) {
        SearchProblem problem = evaluations.problem();
        List<EvaluatedConfiguration> candidates = members(evaluations).stream()
                .filter(c -> c.standing().tier() == Standing.COMPLETE_FEASIBLE).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Vec<double[]>> vectors = fitness(problem, candidates);
        int[] ranks = Pareto.rank(ISeq.of(vectors));
        List<EvaluatedConfiguration> front = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (ranks[i] == 0) {
                front.add(candidates.get(i));
            }
        }
        return front;
    }
}
