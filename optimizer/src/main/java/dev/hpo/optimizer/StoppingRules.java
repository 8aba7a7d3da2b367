package dev.hpo.optimizer;

import dev.hpo.optimizer.pruning.EarlyStopper;
import dev.hpo.optimizer.pruning.Pruner;
import dev.hpo.study.EarlyStopping;
import dev.hpo.study.Objective;
import dev.hpo.study.StudySpec;
import java.util.List;

/** The early stopping a study's spec asks for. */
public final class StoppingRules {

    private StoppingRules() {
    }

    /**
     * The study's rule on its fidelity. With one objective a trial is ranked by the rule's metric and goal; with two,
     * by both objectives, those known before training (the cost model's MACs and parameters) taken exactly.
     */
    public static EarlyStopper of(StudySpec spec) {
        EarlyStopping rule = spec.algorithm().earlyStopping();
        List<Objective> rankedBy = spec.multiObjective() || !rule.enabled() ? spec.objectives()
                : List.of(new Objective(rule.metric(), rule.goal()));
        return new EarlyStopper(Pruner.of(rule, rankedBy.size()), spec.fidelity(), rankedBy,
                CostModelMetrics.of(spec));
    }
}
