package dev.hpo.optimizer;

import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.study.Constraint;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A study as a {@link SearchProblem}: its space and objectives, its constraints with the {@link Baseline} resolved,
 * and the metrics the cost model knows before training when the study uses the built-in trainer.
 *
 * <p>A baseline bound whose baseline has not completed yet (the baseline runs first, but other workers do not wait
 * for it) holds trials to the best value of the metric completed so far: a demanding stand-in that keeps the search
 * from chasing cheap but useless networks. It is a search heuristic only, never part of what the service reports.
 * With no completed value at all the constraint is left out.
 */
final class StudyProblems {

    private StudyProblems() {
    }

    static SearchProblem problem(StudyHistory history) {
        StudySpec spec = history.spec();
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint c : Baseline.resolve(spec.constraints(), history.trials())) {
            if (!c.needsBaseline()) {
                constraints.add(c);
                continue;
            }
            OptionalDouble standIn = bestCompleted(history.trials(), c.metric(),
                    c.baseline() == Constraint.Baseline.MIN);
            if (standIn.isPresent()) {
                constraints.add(c.withBaseline(standIn.getAsDouble()));
            }
        }
        KnownMetrics known = CostModelMetrics.of(spec);
        return new SearchProblem(spec.searchSpace(), spec.objectives(), constraints, known,
                spec.algorithm().populationSize(), spec.seed());
    }

    private static OptionalDouble bestCompleted(List<Trial> trials, String metric, boolean highest) {
        var values = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.metrics().containsKey(metric))
                .mapToDouble(t -> t.metrics().get(metric));
        return highest ? values.max() : values.min();
    }
}
