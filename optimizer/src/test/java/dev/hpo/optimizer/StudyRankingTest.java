package dev.hpo.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyRankingTest {

    private static StudySpec spec(String objectives, String constraints) {
        return StudySpecParser.parse("""
                {"name": "ranked", "objectives": %s, "constraints": %s,
                 "algorithm": {"name": "RANDOM"}, "budget": {"maxTrials": 50}, "trialSettings": {"timeCap": "60s"},
                 "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1}]}
                """.formatted(objectives, constraints));
    }

    private static final StudySpec CONSTRAINED = spec("[{\"metric\": \"loss\", \"goal\": \"MINIMIZE\"}]",
            "[{\"metric\": \"accuracy\", \"min\": 0.8}, {\"metric\": \"macs\", \"max\": 100}]");
    private static final StudySpec TWO_OBJECTIVES = spec(
            "[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"}, {\"metric\": \"macs\", \"goal\": \"MINIMIZE\"}]",
            "[{\"metric\": \"macs\", \"max\": 350}]");
    private static final StudySpec HAET = spec("[{\"metric\": \"macs\", \"goal\": \"MINIMIZE\"}]",
            "[{\"metric\": \"accuracy\", \"min\": \"baseline\"}]");

    /** Trial {@code number} of configuration {@code x}, in a state, with final metrics. */
    private static Trial trial(long number, double x, TrialState state, Map<String, Double> metrics, boolean enqueued) {
        return Trial.of(number, Configuration.of(Map.of("x", x)), state, metrics, List.of(), enqueued, Instant.EPOCH);
    }

    private static Trial complete(long number, double x, Map<String, Double> metrics) {
        return trial(number, x, TrialState.COMPLETE, metrics, false);
    }

    private static double x(EvaluatedConfiguration c) {
        return (Double) c.configuration().values().get("x");
    }

    @Test
    void feasibleBeatsInfeasibleWhateverTheObjective() {
        StudyRanking ranking = StudyRanking.of(CONSTRAINED, List.of(
                complete(0, 0.1, Map.of("loss", 0.01, "accuracy", 0.5, "macs", 50.0)),
                complete(1, 0.2, Map.of("loss", 0.9, "accuracy", 0.9, "macs", 90.0))));

        assertThat(x(ranking.best().orElseThrow())).isEqualTo(0.2);
    }

    @Test
    void whileNothingIsFeasibleTheSmallestRelativeViolationIsBestAndItsViolationIsReportedInTheMetricsUnits() {
        StudyRanking ranking = StudyRanking.of(CONSTRAINED, List.of(
                complete(0, 0.1, Map.of("loss", 0.1, "accuracy", 0.7, "macs", 150.0)),
                complete(1, 0.2, Map.of("loss", 0.9, "accuracy", 0.7, "macs", 110.0)),
                complete(2, 0.3, Map.of("loss", 0.2, "macs", 10.0))));

        EvaluatedConfiguration best = ranking.best().orElseThrow();

        assertThat(x(best)).isEqualTo(0.2);
        assertThat(ranking.feasible(best)).isFalse();
        assertThat(ranking.violation(best)).isCloseTo(10.1, within(1e-9));
        assertThat(ranking.violation(ranking.configurations().get(2))).isInfinite();
    }

    @Test
    void repeatsAverageOverTheCompletedOnesWithTheirSpread() {
        StudyRanking ranking = StudyRanking.of(CONSTRAINED, List.of(
                complete(0, 0.7, Map.of("loss", 1.0, "accuracy", 0.9, "macs", 10.0)),
                complete(1, 0.7, Map.of("loss", 3.0, "accuracy", 0.9, "macs", 10.0)),
                trial(2, 0.7, TrialState.FAILED, Map.of(), false),
                trial(3, 0.7, TrialState.PRUNED, Map.of("loss", 100.0), false)));

        EvaluatedConfiguration only = ranking.configurations().get(0);

        assertThat(ranking.configurations()).hasSize(1);
        assertThat(only.completedTrials()).extracting(Trial::id).containsExactly(0L, 1L);
        assertThat(only.mean("loss")).isEqualTo(2.0);
        assertThat(only.metrics().get("loss").standardDeviation()).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void onlyCompletedConfigurationsAreReported() {
        StudyRanking ranking = StudyRanking.of(CONSTRAINED, List.of(
                trial(0, 0.1, TrialState.RUNNING, Map.of(), false),
                trial(1, 0.2, TrialState.PRUNED, Map.of("loss", 0.1, "accuracy", 0.9, "macs", 1.0), false)));

        assertThat(ranking.configurations()).isEmpty();
        assertThat(ranking.best()).isEmpty();
    }

    @Test
    void paretoFrontHoldsTheFeasibleNonDominatedOnesBestFirstByTheFirstObjective() {
        StudyRanking ranking = StudyRanking.of(TWO_OBJECTIVES, List.of(
                complete(0, 0.1, Map.of("accuracy", 0.6, "macs", 100.0)),
                complete(1, 0.2, Map.of("accuracy", 0.9, "macs", 300.0)),
                complete(2, 0.3, Map.of("accuracy", 0.9, "macs", 320.0)),
                complete(3, 0.4, Map.of("accuracy", 0.95, "macs", 400.0)),
                complete(4, 0.5, Map.of("accuracy", 0.3, "macs", 1.0))));

        assertThat(ranking.paretoFront()).extracting(StudyRankingTest::x).containsExactly(0.2, 0.1, 0.5);
        assertThat(ranking.inParetoFront(complete(0, 0.1, Map.of()))).isTrue();
        assertThat(ranking.inParetoFront(complete(2, 0.3, Map.of()))).isFalse();
        // Infeasible: more MACs than the bound allows, however accurate.
        assertThat(ranking.inParetoFront(complete(3, 0.4, Map.of()))).isFalse();
    }

    @Test
    void aParetoFrontNeedsTwoObjectives() {
        StudyRanking ranking = StudyRanking.of(CONSTRAINED, List.of());

        assertThatThrownBy(ranking::paretoFront).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two objectives");
        assertThat(ranking.inParetoFront(complete(0, 0.1, Map.of()))).isFalse();
    }

    @Test
    void theBaselineSetsTheFloorOnceItHasCompleted() {
        StudyRanking ranking = StudyRanking.of(HAET, List.of(
                trial(0, 1.0, TrialState.COMPLETE, Map.of("accuracy", 0.90, "macs", 100.0), true),
                trial(1, 1.0, TrialState.COMPLETE, Map.of("accuracy", 0.92, "macs", 100.0), true),
                complete(2, 0.25, Map.of("accuracy", 0.85, "macs", 10.0)),
                complete(3, 0.5, Map.of("accuracy", 0.91, "macs", 50.0))));

        // The baseline's mean accuracy, 0.91, is the floor: the 0.85 network is cheaper but not good enough.
        assertThat(ranking.constraints()).extracting(c -> c.min().getAsDouble()).containsExactly(0.91);
        assertThat(x(ranking.best().orElseThrow())).isEqualTo(0.5);
        assertThat(ranking.feasible(ranking.configurations().get(1))).isFalse();
    }

    @Test
    void aBaselineBoundJudgesNothingBeforeTheBaselineCompletesWhateverTheSearchAssumes() {
        List<Trial> trials = List.of(trial(0, 1.0, TrialState.RUNNING, Map.of(), true),
                complete(1, 0.25, Map.of("accuracy", 0.85, "macs", 10.0)),
                complete(2, 0.5, Map.of("accuracy", 0.91, "macs", 50.0)));

        StudyRanking ranking = StudyRanking.of(HAET, trials);

        // The search holds trials to the best accuracy so far meanwhile; the report does not.
        assertThat(new StudyHistory(HAET, trials).problem().constraints()).hasSize(1);
        assertThat(ranking.constraints()).isEmpty();
        assertThat(x(ranking.best().orElseThrow())).isEqualTo(0.25);
        assertThat(ranking.feasible(trials.get(1))).isTrue();
    }

    @Test
    void tellsPerTrialWhetherItIsFeasibleAndWhetherItWasTheBestSoFar() {
        List<Trial> trials = List.of(
                complete(0, 0.1, Map.of("loss", 0.5, "accuracy", 0.9, "macs", 10.0)),
                complete(1, 0.2, Map.of("loss", 0.1, "accuracy", 0.5, "macs", 10.0)),
                complete(2, 0.3, Map.of("loss", 0.4, "accuracy", 0.9, "macs", 10.0)),
                complete(3, 0.4, Map.of("loss", 0.45, "accuracy", 0.9, "macs", 10.0)),
                Trial.of(4, Configuration.of(Map.of("x", 0.5)), TrialState.PRUNED, Map.of(),
                        List.of(Measurement.of(1, 10, Map.of("loss", 0.01, "accuracy", 0.95, "macs", 10.0))), false,
                        Instant.EPOCH));

        StudyRanking ranking = StudyRanking.of(CONSTRAINED, trials);

        assertThat(trials).extracting(ranking::feasible).containsExactly(true, false, true, true, true);
        assertThat(ranking.bestSoFar(trials)).containsExactly(trials.get(0), trials.get(2));
        // Completed ones only, in the order best() picks from: the pruned trial, feasible as it is, has no rank.
        assertThat(trials).extracting(t -> ranking.rank(t).orElse(0)).containsExactly(3, 4, 1, 2, 0);
    }

    @Test
    void bestSoFarFollowsTheOrderGivenAndCountsARepeatedConfigurationOnce() {
        List<Trial> trials = List.of(
                complete(0, 0.1, Map.of("loss", 0.5, "accuracy", 0.9, "macs", 10.0)),
                complete(1, 0.2, Map.of("loss", 0.1, "accuracy", 0.9, "macs", 10.0)),
                complete(2, 0.1, Map.of("loss", 0.7, "accuracy", 0.9, "macs", 10.0)),
                complete(3, 0.3, Map.of("loss", 0.3, "accuracy", 0.9, "macs", 10.0)));
        StudyRanking ranking = StudyRanking.of(CONSTRAINED, trials);

        // By the time they finished, say 3, 2, 0, 1: configuration 0.1 (mean loss 0.6) is met at trial 2 first.
        List<Trial> byTime = List.of(trials.get(3), trials.get(2), trials.get(0), trials.get(1));

        assertThat(ranking.bestSoFar(trials)).containsExactly(trials.get(0), trials.get(1));
        assertThat(ranking.bestSoFar(byTime)).containsExactly(trials.get(3), trials.get(1));
        assertThat(ranking.rank(trials.get(2))).hasValue(3);
    }

    @Test
    void resolvedConstraintsShowTheBaselineFloorOnceKnownAndWaitForItBefore() {
        Trial baseline = trial(0, 1.0, TrialState.COMPLETE, Map.of("accuracy", 0.9, "macs", 100.0), true);
        Trial running = trial(0, 1.0, TrialState.RUNNING, Map.of(), true);

        assertThat(StudyRanking.of(HAET, List.of(baseline)).resolvedConstraints())
                .singleElement().satisfies(c -> assertThat(c.min()).hasValue(0.9));
        assertThat(StudyRanking.of(HAET, List.of(running)).resolvedConstraints())
                .singleElement().satisfies(c -> assertThat(c.needsBaseline()).isTrue());
    }
}
