package dev.hpo.api.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.optimizer.core.Evaluations;
import dev.hpo.api.optimizer.core.OutcomeConstraint;
import dev.hpo.api.optimizer.core.SearchProblem;
import dev.hpo.arch.CostModel;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.TrialPlans;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HAET formulation through the service's sampler interface: minimise MACs, stay as accurate as the baseline. */
class HaetStudyTest {

    private static final String SPEC = """
            {"name": "haet",
             "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
             "constraints": [{"metric": "accuracy", "min": "baseline"}, {"metric": "params", "max": 3000000}],
             "algorithm": {"name": "EVOLUTION", "populationSize": 6},
             "budget": {"maxTrials": 40},
             "trialSettings": {"timeCap": "60s",
                               "dataset": {"name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 20},
                               "model": {"family": "resnet9"}},
             "parameters": [
               {"name": "width", "type": "float", "min": 0.25, "max": 1.0},
               {"name": "depth", "type": "categorical", "values": [0.5, 1.0]},
               {"name": "resolution", "type": "categorical", "values": [0.75, 1.0]},
               {"name": "learningRate", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"}],
             "seed": 3}
            """;

    private static final StudySpec STUDY = StudySpecParser.parse(SPEC);

    private static final Configuration BASELINE = Configuration.of(Map.of("width", 1.0, "depth", 1.0,
            "resolution", 1.0, "learningRate", 0.2));

    private static double macs(Configuration c) {
        return CostModel.of(TrialPlans.resolve(STUDY, c, 0).architecture()).macs();
    }

    private static double params(Configuration c) {
        return CostModel.of(TrialPlans.resolve(STUDY, c, 0).architecture()).params();
    }

    /**
     * A stand-in for training: accuracy grows with capacity and peaks at a learning rate of 0.05, so a smaller
     * network with a better learning rate can match the baseline's.
     */
    private static double accuracy(Configuration c) {
        double lr = Math.log10(((Number) c.values().get("learningRate")).doubleValue() / 0.05);
        return 0.93 - 0.05 * lr * lr - 0.02 / Math.pow(macs(c) / macs(BASELINE), 0.25);
    }

    private static TrialRecord complete(long number, Configuration c, boolean enqueued) {
        return new TrialRecord(number, c, TrialState.COMPLETE,
                Map.of("accuracy", accuracy(c), "macs", macs(c), "params", params(c)), List.of(), enqueued);
    }

    @Test
    void theBaselineSetsTheAccuracyBoundOnceItHasCompleted() {
        StudyHistory waiting = new StudyHistory(STUDY, List.of(new TrialRecord(0, BASELINE, TrialState.RUNNING,
                Map.of(), List.of(), true)));
        StudyHistory done = new StudyHistory(STUDY, List.of(complete(0, BASELINE, true)));

        assertThat(StudyProblems.problem(waiting).constraints()).extracting(OutcomeConstraint::metric)
                .containsExactly("params");
        assertThat(StudyProblems.problem(done).constraints())
                .contains(OutcomeConstraint.atLeast("accuracy", accuracy(BASELINE)));
    }

    @Test
    void searchesForCheaperNetworksAsAccurateAsTheBaseline() {
        Sampler sampler = new AlgorithmSampler(new dev.hpo.api.optimizer.evolution.EvolutionSearch());
        List<TrialRecord> trials = new ArrayList<>();
        trials.add(complete(0, BASELINE, true));
        for (int i = 1; i < 30; i++) {
            List<Configuration> next = sampler.propose(new StudyHistory(STUDY, trials), 1);
            assertThat(next).hasSize(1);
            // Known before training: no proposal breaks the parameter bound.
            assertThat(params(next.get(0))).isLessThanOrEqualTo(3_000_000);
            trials.add(complete(i, next.get(0), false));
        }
        StudyHistory history = new StudyHistory(STUDY, trials);
        SearchProblem problem = StudyProblems.problem(history);

        var best = Evaluations.of(problem, StudyProblems.observations(history)).best().orElseThrow();

        assertThat(best.mean("accuracy")).isGreaterThanOrEqualTo(accuracy(BASELINE));
        assertThat(best.mean("macs")).isLessThan(0.5 * macs(BASELINE));
    }

    @Test
    void prunedTrialsBringTheirLastMeasurement() {
        TrialRecord pruned = new TrialRecord(1, BASELINE, TrialState.PRUNED, Map.of(),
                List.of(Measurement.of(1, 10, Map.of("accuracy", 0.4)), Measurement.of(2, 20, Map.of("accuracy", 0.5))),
                false);

        var observation = StudyProblems.observations(new StudyHistory(STUDY, List.of(pruned))).get(0);

        assertThat(observation.metrics()).containsEntry("accuracy", 0.5);
        assertThat(observation.outcome()).isEqualTo(dev.hpo.api.optimizer.core.Outcome.PRUNED);
    }
}
