package dev.hpo.optimizer.evolution;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.study.Constraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The probability that an untried point meets every constraint on a metric known only after training, from one
 * {@link GaussianProcess} per such constraint fitted to the finished configurations that reported its metric (a
 * constraint with fewer than two of them is not modelled). Constraints on metrics known before training are not
 * modelled: {@link dev.hpo.optimizer.core.Feasibility} never lets a point that breaks them through.
 */
final class ConstraintSurrogates {

    private record Surrogate(Constraint constraint, GaussianProcess model) {
    }

    private final List<Surrogate> surrogates;

    private ConstraintSurrogates(List<Surrogate> surrogates) {
        this.surrogates = surrogates;
    }

    static ConstraintSurrogates fit(Evaluations evaluations) {
        SearchProblem problem = evaluations.problem();
        boolean[] categorical = GaussianProcess.categorical(evaluations.cube());
        List<Surrogate> surrogates = new ArrayList<>();
        for (Constraint c : problem.constraints()) {
            if (problem.known().names().contains(c.metric())) {
                continue;
            }
            List<EvaluatedConfiguration> reported = ModelData.select(evaluations.finished().stream()
                    .filter(e -> !Double.isNaN(e.mean(c.metric()))).toList());
            if (reported.size() >= 2) {
                double[][] x = reported.stream().map(EvaluatedConfiguration::unit).toArray(double[][]::new);
                double[] y = reported.stream().mapToDouble(e -> e.mean(c.metric())).toArray();
                surrogates.add(new Surrogate(c, GaussianProcess.fit(x, y, categorical)));
            }
        }
        return new ConstraintSurrogates(surrogates);
    }

    /** Adds points that will be evaluated, each at its predicted value ("kriging believer"). */
    void believe(double[][] x) {
        for (int i = 0; i < surrogates.size(); i++) {
            GaussianProcess model = surrogates.get(i).model();
            double[] predicted = Arrays.stream(x).mapToDouble(p -> model.predict(p)[0]).toArray();
            surrogates.set(i, new Surrogate(surrogates.get(i).constraint(), model.withPoints(x, predicted)));
        }
    }

    /** The probability that every modelled constraint holds at a point; 1 when none is modelled. */
    double probability(double[] unit) {
        double feasibility = 1;
        for (Surrogate s : surrogates) {
            double[] prediction = s.model().predict(unit);
            feasibility *= probabilityWithin(s.constraint(), prediction[0], prediction[1]);
        }
        return feasibility;
    }

    private static double probabilityWithin(Constraint c, double mean, double sd) {
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
