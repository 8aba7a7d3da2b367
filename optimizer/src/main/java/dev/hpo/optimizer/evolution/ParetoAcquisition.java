package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.Standing;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.optimizer.pareto.Hypervolume;
import dev.hpo.optimizer.pareto.ParetoFront;
import dev.hpo.study.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * How promising an untried point is for a Pareto front: the hypervolume it would add to the current feasible
 * front at an optimistic estimate of its objectives (predicted loss minus one standard deviation; exact for
 * objectives known before training), times the probability that constraints on trained metrics hold. A point
 * that adds nothing scores minus its distance to the front, so the screening still prefers near-front points.
 */
final class ParetoAcquisition {

    private final SearchProblem problem;
    private final UnitCube cube;
    private final GaussianProcess[] models;
    private final ConstraintSurrogates constraints;
    private final List<double[]> front = new ArrayList<>();
    private final double[] reference;

    private ParetoAcquisition(SearchProblem problem, UnitCube cube, GaussianProcess[] models,
                              ConstraintSurrogates constraints, double[] reference) {
        this.problem = problem;
        this.cube = cube;
        this.models = models;
        this.constraints = constraints;
        this.reference = reference;
    }

    /** Fits the surrogates on the configurations that carry every objective (at least two of them). */
    static ParetoAcquisition fit(Evaluations evaluations, List<EvaluatedConfiguration> allMembers) {
        List<EvaluatedConfiguration> members = ModelData.select(allMembers);
        SearchProblem problem = evaluations.problem();
        UnitCube cube = evaluations.cube();
        boolean[] categorical = GaussianProcess.categorical(cube);
        int m = problem.objectives().size();
        double[][] x = members.stream().map(EvaluatedConfiguration::unit).toArray(double[][]::new);
        double[][] losses = members.stream().map(c -> ParetoFront.losses(problem, c)).toArray(double[][]::new);
        double[][] allLosses = allMembers.stream().map(c -> ParetoFront.losses(problem, c)).toArray(double[][]::new);
        GaussianProcess[] models = new GaussianProcess[m];
        double[] reference = new double[m];
        for (int j = 0; j < m; j++) {
            double worst = Double.NEGATIVE_INFINITY;
            double best = Double.POSITIVE_INFINITY;
            for (double[] l : allLosses) {
                worst = Math.max(worst, l[j]);
                best = Math.min(best, l[j]);
            }
            reference[j] = worst + 0.1 * Math.max(worst - best, 1e-9);
            Objective objective = problem.objectives().get(j);
            if (!problem.known().names().contains(objective.metric())) {
                double[] y = new double[members.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = losses[i][j];
                }
                models[j] = GaussianProcess.fit(x, y, categorical);
            }
        }
        ParetoAcquisition acquisition = new ParetoAcquisition(problem, cube, models,
                ConstraintSurrogates.fit(evaluations), reference);
        for (int i = 0; i < allMembers.size(); i++) {
            if (allMembers.get(i).standing().tier() == Standing.COMPLETE_FEASIBLE) {
                acquisition.front.add(allLosses[i]);
            }
        }
        acquisition.believe(evaluations.pending().stream().map(EvaluatedConfiguration::unit).toList());
        return acquisition;
    }

    /** Pending points join the models at their predicted values and the front at their predicted losses. */
    void believe(List<double[]> points) {
        for (double[] p : points) {
            double[] predicted = new double[models.length];
            for (int j = 0; j < models.length; j++) {
                predicted[j] = models[j] == null ? knownLoss(p, j) : models[j].predict(p)[0];
            }
            for (int j = 0; j < models.length; j++) {
                if (models[j] != null) {
                    models[j] = models[j].withPoints(new double[][] {p}, new double[] {predicted[j]});
                }
            }
            front.add(predicted);
        }
    }

    double score(double[] unit) {
        double[] optimistic = new double[models.length];
        for (int j = 0; j < models.length; j++) {
            if (models[j] == null) {
                optimistic[j] = knownLoss(unit, j);
            } else {
                double[] prediction = models[j].predict(unit);
                optimistic[j] = prediction[0] - prediction[1];
            }
        }
        double feasibility = constraints.probability(unit);
        double gain = Hypervolume.improvement(front, optimistic, reference);
        if (gain > 0) {
            return gain * feasibility;
        }
        return -distanceToFront(optimistic) / Math.max(feasibility, 1e-6);
    }

    /** The smallest step that would make the point non-dominated by any front point (additive epsilon). */
    private double distanceToFront(double[] point) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] f : front) {
            double worst = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < point.length; j++) {
                double span = Math.max(reference[j] - f[j], 1e-12);
                worst = Math.max(worst, (point[j] - f[j]) / span);
            }
            min = Math.min(min, Math.max(0, worst));
        }
        return Double.isInfinite(min) ? 0 : min;
    }

    private double knownLoss(double[] unit, int objective) {
        Objective o = problem.objectives().get(objective);
        Double value = problem.known().of(cube.decode(unit)).get(o.metric());
        return value == null ? Double.POSITIVE_INFINITY : o.loss(value);
    }
}
