package dev.hpo.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.CostModel;
import dev.hpo.optimizer.core.Evaluations;
import dev.hpo.optimizer.core.Outcome;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.space.Configuration;
import dev.hpo.study.Algorithm;
import dev.hpo.study.Constraint;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.TrialPlans;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HAET formulation through the service's entry points: minimise MACs, stay as accurate as the baseline. */
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

    private static Trial complete(long number, Configuration c, boolean enqueued) {
        return Trial.of(number, c, TrialState.COMPLETE,
                Map.of("accuracy", accuracy(c), "macs", macs(c), "params", params(c)), List.of(), enqueued,
                Instant.EPOCH);
    }

    @Test
    void theBaselineSetsTheAccuracyBoundOnceItHasCompleted() {
        StudyHistory waiting = new StudyHistory(STUDY, List.of(Trial.of(0, BASELINE, TrialState.RUNNING,
                Map.of(), List.of(), true, Instant.EPOCH)));
        StudyHistory done = new StudyHistory(STUDY, List.of(complete(0, BASELINE, true)));

        assertThat(waiting.problem().constraints()).extracting(Constraint::metric)
                .containsExactly("params");
        assertThat(done.problem().constraints())
                .contains(Constraint.atLeast("accuracy", accuracy(BASELINE)));
    }

    @Test
    void searchesForCheaperNetworksAsAccurateAsTheBaseline() {
        SearchAlgorithm evolution = SearchAlgorithms.of(Algorithm.EVOLUTION);
        List<Trial> trials = new ArrayList<>();
        trials.add(complete(0, BASELINE, true));
        for (int i = 1; i < 30; i++) {
            StudyHistory history = new StudyHistory(STUDY, trials);
            List<Configuration> next = evolution.propose(history.problem(), history.trials(), 1);
            assertThat(next).hasSize(1);
            // Known before training: no proposal breaks the parameter bound.
            assertThat(params(next.get(0))).isLessThanOrEqualTo(3_000_000);
            trials.add(complete(i, next.get(0), false));
        }
        StudyHistory history = new StudyHistory(STUDY, trials);

        var best = Evaluations.of(history.problem(), trials).best().orElseThrow();

        assertThat(best.mean("accuracy")).isGreaterThanOrEqualTo(accuracy(BASELINE));
        assertThat(best.mean("macs")).isLessThan(0.5 * macs(BASELINE));
    }

    @Test
    void prunedTrialsBringTheirLastMeasurement() {
        Trial pruned = Trial.of(1, BASELINE, TrialState.PRUNED, Map.of(),
                List.of(Measurement.of(1, 10, Map.of("accuracy", 0.4)), Measurement.of(2, 20, Map.of("accuracy", 0.5))),
                false, Instant.EPOCH);
        StudyHistory history = new StudyHistory(STUDY, List.of(pruned));

        var configuration = Evaluations.of(history.problem(), history.trials()).all().get(0);

        assertThat(configuration.mean("accuracy")).isEqualTo(0.5);
        assertThat(configuration.outcome()).isEqualTo(Outcome.PRUNED);
    }
}
