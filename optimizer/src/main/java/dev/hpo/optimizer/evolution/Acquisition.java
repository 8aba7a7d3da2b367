package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.core.UnitCube;
import dev.hpo.study.Objective;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How promising an untried point is: expected improvement of the objective over the best feasible result,
 * times the probability that every constraint on a trained metric holds. Objectives known before training
 * (MACs) are used exactly; trained metrics are predicted by {@link GaussianProcess} surrogates fitted to the
 * finished configurations. Pending configurations enter the surrogates at their predicted value ("kriging
 * believer"): their uncertainty vanishes, so parallel workers are not sent to the same spot.
 */
final class Acquisition {

    /** The relative gain in a known objective below which a candidate counts as no improvement. */
    static final double MIN_KNOWN_GAIN = 0.01;

    private final SearchProblem problem;
    private final UnitCube cube;
    private final boolean knownObjective;
    private GaussianProcess objectiveModel;
    private final ConstraintSurrogates constraints;
    private final double incumbent;

    private Acquisition(SearchProblem problem, UnitCube cube, boolean knownObjective, GaussianProcess objectiveModel,
                        ConstraintSurrogates constraints, double incumbent) {
        this.problem = problem;
        this.cube = cube;
        this.knownObjective = knownObjective;
        this.objectiveModel = objectiveModel;
        this.constraints = constraints;
        this.incumbent = incumbent;
    }

    /** Fits the surrogates; empty when fewer than two finished configurations carry the objective. */
    static Optional<Acquisition> fit(Evaluations evaluations) {
        SearchProblem problem = evaluations.problem();
        UnitCube cube = evaluations.cube();
        Objective objective = problem.objective();
        boolean known = problem.known().names().contains(objective.metric());
        List<EvaluatedConfiguration> finished = ModelData.select(evaluations.finished().stream()
                .filter(c -> !Double.isNaN(c.mean(objective.metric()))).toList());
        if (finished.size() < 2 && !known) {
            return Optional.empty();
        }
        double incumbent = evaluations.best().map(c -> c.standing().loss()).orElse(Double.NaN);
        GaussianProcess model = null;
        if (!known) {
            double[][] x = finished.stream().map(EvaluatedConfiguration::unit).toArray(double[][]::new);
            double[] losses = finished.stream().mapToDouble(c -> objective.loss(c.mean(objective.metric()))).toArray();
            Warp warp = Warp.of(losses);
            model = GaussianProcess.fit(x, warp.apply(losses), GaussianProcess.categorical(cube));
            if (!Double.isNaN(incumbent)) {
                incumbent = warp.apply(incumbent);
            }
        }
        Acquisition acquisition = new Acquisition(problem, cube, known, model, ConstraintSurrogates.fit(evaluations),
                incumbent);
        acquisition.believe(evaluations.pending().stream().map(EvaluatedConfiguration::unit).toList());
        return Optional.of(acquisition);
    }

    /** Adds configurations that will be evaluated at their predicted values. */
    void believe(List<double[]> points) {
        if (points.isEmpty()) {
            return;
        }
        double[][] x = points.toArray(double[][]::new);
        if (objectiveModel != null) {
            GaussianProcess model = objectiveModel;
            objectiveModel = model.withPoints(x, Arrays.stream(x).mapToDouble(p -> model.predict(p)[0]).toArray());
        }
        constraints.believe(x);
    }

    /** The score of a canonical point; higher is more promising. */
    double score(double[] unit) {
        double feasibility = constraints.probability(unit);
        if (Double.isNaN(incumbent)) {
            // Nothing feasible yet: look for feasibility first, and among likely feasible points the best loss.
            double loss = knownObjective ? knownLoss(unit) : objectiveModel.predict(unit)[0];
            return feasibility - 1e-6 * Math.tanh(loss);
        }
        double improvement;
        if (knownObjective) {
            // Only a step worth a trial counts: shaving a fraction of a percent off a known cost next to the
            // best feasible result mostly buys trials that land just on the wrong side of the constraint.
            improvement = Math.max(0, incumbent - knownLoss(unit) - MIN_KNOWN_GAIN * Math.abs(incumbent));
        } else {
            double[] prediction = objectiveModel.predict(unit);
            improvement = expectedImprovement(incumbent, prediction[0], prediction[1]);
        }
        return improvement * feasibility;
    }

    private double knownLoss(double[] unit) {
        Objective objective = problem.objective();
        Double value = problem.known().of(cube.decode(unit)).get(objective.metric());
        return value == null ? Double.POSITIVE_INFINITY : objective.loss(value);
    }

    static double expectedImprovement(double best, double mean, double sd) {
        double z = (best - mean) / sd;
        return (best - mean) * Normal.cdf(z) + sd * Normal.pdf(z);
    }
}
