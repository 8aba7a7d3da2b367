package dev.hpo.optimizer;

import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.CostModel;
import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.TrialPlans;
import java.util.Map;
import java.util.Set;

/**
 * The {@code macs} and {@code params} of a configuration, counted by the {@link CostModel} from the study's
 * model and dataset and the configuration's depth, width and resolution multipliers, exactly as a trial of it
 * would report them.
 */
final class CostModelMetrics implements KnownMetrics {

    static final String MACS = "macs";
    static final String PARAMS = "params";

    private final StudySpec spec;

    private CostModelMetrics(StudySpec spec) {
        this.spec = spec;
    }

    /** The cost model's metrics for a study trained by the built-in trainer; none for a custom trial script. */
    static KnownMetrics of(StudySpec spec) {
        return spec.trialSettings().builtInTrainer() ? new CostModelMetrics(spec) : KnownMetrics.none();
    }

    @Override
    public Set<String> names() {
        return Set.of(MACS, PARAMS);
    }

    @Override
    public Map<String, Double> of(Configuration configuration) {
        ArchitectureCost cost;
        try {
            cost = CostModel.of(TrialPlans.resolve(spec, configuration, 0).architecture());
        } catch (IllegalArgumentException unbuildable) {
            // A configuration the trainer would refuse has no cost; the trial itself reports the problem.
            return Map.of();
        }
        return Map.of(MACS, (double) cost.macs(), PARAMS, (double) cost.params());
    }
}
