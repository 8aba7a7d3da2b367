package dev.hpo.api.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.protocol.Candidate;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.api.Specs;
import dev.hpo.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    private static final StudySpec CONSTRAINED = StudySpecParser.parse(Specs.spec("ranked", 10, 1, 1, "",
            "[{\"metric\": \"accuracy\", \"min\": 0.8}, {\"metric\": \"macs\", \"max\": 100}]"));

    private static Ranking.Outcome outcome(long id, long key, TrialState state, Map<String, Double> metrics) {
        return new Ranking.Outcome(id, key, Map.of("x", key), state, metrics);
    }

    @Test
    void feasibleBeatsInfeasibleWhateverTheObjective() {
        List<Candidate> candidates = Ranking.candidates(CONSTRAINED, List.of(
                outcome(1, 1, TrialState.COMPLETE, Map.of("loss", 0.01, "accuracy", 0.5, "macs", 50.0)),
                outcome(2, 2, TrialState.COMPLETE, Map.of("loss", 0.9, "accuracy", 0.9, "macs", 90.0))));

        assertThat(Ranking.best(CONSTRAINED, candidates).orElseThrow().configKey()).isEqualTo(2);
    }

    @Test
    void infeasibleRankBySummedViolation() {
        List<Candidate> candidates = Ranking.candidates(CONSTRAINED, List.of(
                outcome(1, 1, TrialState.COMPLETE, Map.of("loss", 0.1, "accuracy", 0.7, "macs", 150.0)),
                outcome(2, 2, TrialState.COMPLETE, Map.of("loss", 0.9, "accuracy", 0.7, "macs", 110.0)),
                outcome(3, 3, TrialState.COMPLETE, Map.of("loss", 0.2, "macs", 10.0))));

        Candidate best = Ranking.best(CONSTRAINED, candidates).orElseThrow();

        assertThat(best.configKey()).isEqualTo(2);
        assertThat(best.violation()).isCloseTo(10.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(candidates.get(2).violation()).isInfinite();
    }

    @Test
    void repeatsAverageAndReportTheirSpreadIgnoringUnfinishedOnes() {
        List<Candidate> candidates = Ranking.candidates(CONSTRAINED, List.of(
                outcome(1, 7, TrialState.COMPLETE, Map.of("loss", 1.0, "accuracy", 0.9, "macs", 10.0)),
                outcome(2, 7, TrialState.COMPLETE, Map.of("loss", 3.0, "accuracy", 0.9, "macs", 10.0)),
                outcome(3, 7, TrialState.FAILED, Map.of()),
                outcome(4, 7, TrialState.PRUNED, Map.of("loss", 100.0))));

        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).trialIds()).containsExactly(1L, 2L);
        assertThat(candidates.get(0).metrics()).containsEntry("loss", 2.0);
        assertThat(candidates.get(0).spread().get("loss")).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void nothingCompleteMeansNoBest() {
        assertThat(Ranking.best(CONSTRAINED, Ranking.candidates(CONSTRAINED, List.of(
                outcome(1, 1, TrialState.RUNNING, Map.of()))))).isEmpty();
    }

    @Test
    void paretoFrontNeedsTwoObjectives() {
        assertThatThrownBy(() -> Ranking.paretoFront(CONSTRAINED, List.of()))
                .hasMessageContaining("two objectives");
    }

    @Test
    void paretoFrontDropsDominatedAndInfeasibleCandidates() {
        StudySpec spec = StudySpecParser.parse(Specs.twoObjectives("front", 10));
        List<Candidate> candidates = Ranking.candidates(spec, List.of(
                outcome(1, 1, TrialState.COMPLETE, Map.of("accuracy", 0.9, "macs", 300.0)),
                outcome(2, 2, TrialState.COMPLETE, Map.of("accuracy", 0.9, "macs", 400.0)),
                outcome(3, 3, TrialState.COMPLETE, Map.of("accuracy", 0.6, "macs", 100.0)),
                outcome(4, 4, TrialState.COMPLETE, Map.of("accuracy", 0.3, "macs", 1.0))));

        assertThat(Ranking.paretoFront(spec, candidates)).extracting(Candidate::configKey).containsExactly(1L, 3L);
    }
}
