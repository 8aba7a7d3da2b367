package dev.hpo.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.CostModel;
import dev.hpo.optimizer.pruning.EarlyStopper;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.TrialPlans;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A study's spec to its early stopping: the fidelity, the objectives ranked by, the metrics known before training. */
class StoppingRulesTest {

    private static StudySpec spec(String objectives, String constraints, String algorithm) {
        return StudySpecParser.parse("""
                {"name": "s", "objectives": %s, "constraints": %s, "algorithm": %s,
                 "budget": {"maxTrials": 10},
                 "trialSettings": {"timeCap": "90s",
                                   "dataset": {"name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 20},
                                   "model": {"family": "resnet9"}},
                 "parameters": [{"name": "width", "type": "float", "min": 0.25, "max": 1.0}]}
                """.formatted(objectives, constraints, algorithm));
    }

    private static Trial measured(StudySpec spec, double width, double elapsedSeconds, double accuracy) {
        return Trial.of(1, spec.searchSpace().canonical(Configuration.of(Map.of("width", width))), TrialState.RUNNING,
                Map.of(), List.of(Measurement.of(1, elapsedSeconds, Map.of("accuracy", accuracy))), false,
                Instant.EPOCH);
    }

    @Test
    void withOneObjectiveATrialIsRankedByTheRulesMetricOnTheTimeCap() {
        StudySpec haet = spec("[{\"metric\": \"macs\", \"goal\": \"MINIMIZE\"}]",
                "[{\"metric\": \"accuracy\", \"min\": 0.8}]",
                "{\"name\": \"EVOLUTION\", \"earlyStopping\": {\"rule\": \"ASHA\"}}");
        EarlyStopper stopper = StoppingRules.of(haet);

        assertThat(stopper.fidelity()).isEqualTo(haet.fidelity());
        assertThat(stopper.objectives()).isEqualTo(1);
        // The first rung is 1/9 of 90 s: 10 s.
        assertThat(stopper.losses(measured(haet, 0.5, 9.9, 0.7), 0)).isEmpty();
        assertThat(stopper.losses(measured(haet, 0.5, 10, 0.7), 0))
                .hasValueSatisfying(l -> assertThat(l).containsExactly(-0.7));
    }

    @Test
    void withTwoObjectivesMacsComeFromTheCostModel() {
        StudySpec pareto = spec("[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"},"
                        + " {\"metric\": \"macs\", \"goal\": \"MINIMIZE\"}]", "[]",
                "{\"name\": \"NSGA2\", \"earlyStopping\": {\"rule\": \"ASHA\", \"metric\": \"accuracy\"}}");
        EarlyStopper stopper = StoppingRules.of(pareto);
        Trial trial = measured(pareto, 0.5, 45, 0.7);
        double macs = CostModel.of(TrialPlans.resolve(pareto, trial.parameters(), 0).architecture()).macs();

        assertThat(stopper.objectives()).isEqualTo(2);
        assertThat(stopper.losses(trial, 0)).hasValueSatisfying(l -> assertThat(l).containsExactly(-0.7, macs));
    }

    @Test
    void withoutARuleNothingIsJudged() {
        StudySpec plain = spec("[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"}]", "[]", "{\"name\": \"RANDOM\"}");

        assertThat(StoppingRules.of(plain).enabled()).isFalse();
    }
}
