package dev.hpo.api.optimizer.evolution;

import dev.hpo.api.optimizer.core.EvaluatedConfiguration;
import dev.hpo.api.optimizer.core.Evaluations;
import dev.hpo.api.optimizer.core.Objective;
import dev.hpo.api.optimizer.core.OutcomeConstraint;
import dev.hpo.api.optimizer.core.SearchProblem;
import dev.hpo.api.optimizer.core.UnitCube;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    private final boolean[] categorical;
    private final boolean knownObjective;
    private GaussianProcess objectiveModel;
    private final Warp warp;
    private final List<ConstraintModel> constraintModels = new ArrayList<>();
    private final double incumbent;

    private record ConstraintModel(OutcomeConstraint constraint, GaussianProcess model) {
    }

    private Acquisition(SearchProblem problem, UnitCube cube, boolean[] categorical, boolean knownObjective,
                        GaussianProcess objectiveModel, Warp warp, double incumbent) {
        this.problem = problem;
        this.cube = cube;
        this.categorical = categorical;
        this.knownObjective = knownObjective;
        this.objectiveModel = objectiveModel;
        this.warp = warp;
        this.incumbent = incumbent;
    }

    /** Fits the surrogates; empty when fewer than two finished configurations carry the objective. */
    static java.util.Optional<Acquisition> fit(Evaluations evaluations) {
        SearchProblem problem = evaluations.problem();
        UnitCube cube = evaluations.cube();
        boolean[] categorical = new boolean[cube.dimensions()];
        for (int i = 0; i < categorical.length; i++) {
            categorical[i] = cube.kind(i) == UnitCube.Kind.CATEGORICAL;
        }
        Objective objective = problem.objective();
        boolean known = problem.known().names().contains(objective.metric());
        List<EvaluatedConfiguration> finished = ModelData.select(evaluations.finished().stream()
                .filter(c -> !Double.isNaN(c.mean(objective.metric()))).toList());
        if (finished.size() < 2 && !known) {
            return java.util.Optional.empty();
        }
        double incumbent = evaluations.best().map(c -> c.standing().loss()).orElse(Double.NaN);
        GaussianProcess model = null;
        Warp warp = null;
        if (!known) {
            double[][] x = finished.stream().map(EvaluatedConfiguration::unit).toArray(double[][]::new);
            double[] losses = finished.stream().mapToDouble(c -> objective.loss(c.mean(objective.metric()))).toArray();
            warp = Warp.of(losses);
            model = GaussianProcess.fit(x, warp.apply(losses), categorical);
            if (!Double.isNaN(incumbent)) {
                incumbent = warp.apply(incumbent);
            }
        }
        Acquisition acquisition = new Acquisition(problem, cube, categorical, known, model, warp, incumbent);
        for (OutcomeConstraint c : problem.constraints()) {
            if (problem.known().names().contains(c.metric())) {
                continue;
            }
            List<EvaluatedConfiguration> reported = ModelData.select(evaluations.finished().stream()
                    .filter(e -> !Double.isNaN(e.mean(c.metric()))).toList());
            if (reported.size() >= 2) {
                double[][] x = reported.stream().map(EvaluatedConfiguration::unit).toArray(double[][]::new);
                double[] y = reported.stream().mapToDouble(e -> e.mean(c.metric())).toArray();
                acquisition.constraintModels.add(new ConstraintModel(c, GaussianProcess.fit(x, y, categorical)));
            }
        }
        List<double[]> pending = evaluations.pending().stream().map(EvaluatedConfiguration::unit).toList();
        acquisition.believe(pending);
        return java.util.Optional.of(acquisition);
    }

    /** Adds configurations that will be evaluated at their predicted values. */
    void believe(List<double[]> points) {
        if (points.isEmpty()) {
            return;
        }
        double[][] x = points.toArray(double[][]::new);
        if (objectiveModel != null) {
            objectiveModel = objectiveModel.withPoints(x, predictions(objectiveModel, x));
        }
        for (int i = 0; i < constraintModels.size(); i++) {
            ConstraintModel m = constraintModels.get(i);
            constraintModels.set(i, new ConstraintModel(m.constraint(),
                    m.model().withPoints(x, predictions(m.model(), x))));
        }
    }

    private static double[] predictions(GaussianProcess model, double[][] x) {
        return Arrays.stream(x).mapToDouble(p -> model.predict(p)[0]).toArray();
    }

    /** The score of a canonical point; higher is more promising. */
    double score(double[] unit) {
        double feasibility = 1;
        for (ConstraintModel m : constraintModels) {
            double[] prediction = m.model().predict(unit);
            feasibility *= probabilityWithin(m.constraint(), prediction[0], prediction[1]);
        }
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

    private static double probabilityWithin(OutcomeConstraint c, double mean, double sd) {
        double p = 1;
        if (c.min().isPresent()) {
            p *= Normal.cdf((mean - c.min().getAsDouble()) / sd);
        }
        if (c.max().isPresent()) {
            p *= Normal.cdf((c.max().getAsDouble() - mean) / sd);
        }
        return p;
    }
}
