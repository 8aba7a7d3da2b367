package dev.hpo.bench.optimizer;

import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.space.Configuration;
import java.util.Map;

/** A test function with the problem an optimizer sees and the metrics an evaluation reports. */
interface BenchProblem {

    String name();

    /** The problem as the optimizer sees it, for one seed. */
    SearchProblem problem(long seed);

    /** The metrics a trial of this configuration reports (known metrics included). */
    Map<String, Double> evaluate(Configuration configuration);

    /** The best value reachable, when known, to print next to the results. */
    double optimum();
}
