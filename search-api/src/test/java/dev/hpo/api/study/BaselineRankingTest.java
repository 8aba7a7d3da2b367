package dev.hpo.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Candidate;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineRankingTest {

    private static final StudySpec HAET = StudySpecParser.parse("""
            {"name": "haet", "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
             "constraints": [{"metric": "accuracy", "min": "baseline"}],
             "budget": {"maxTrials": 10}, "trialSettings": {"timeCap": "60s"},
             "parameters": [{"name": "width", "type": "float", "min": 0.25, "max": 1.0}]}
            """);

    private static Ranking.Outcome outcome(long id, long key, double accuracy, double macs, boolean enqueued) {
        return new Ranking.Outcome(id, key, Map.of("width", key / 4.0), TrialState.COMPLETE,
                Map.of("accuracy", accuracy, "macs", macs), enqueued);
    }

    @Test
    void bestIsTheCheapestConfigurationAsAccurateAsTheEnqueuedBaseline() {
        List<Candidate> candidates = Ranking.candidates(HAET, List.of(
                outcome(1, 4, 0.90, 100, true), outcome(2, 4, 0.92, 100, true),
                outcome(3, 1, 0.85, 10, false), outcome(4, 2, 0.91, 50, false)));

        Candidate best = Ranking.best(HAET, candidates).orElseThrow();

        // The baseline's mean accuracy, 0.91, is the floor: the 0.85 network is cheaper but not good enough.
        assertThat(best.configKey()).isEqualTo(2);
        assertThat(candidates.stream().filter(c -> c.configKey() == 1).findFirst().orElseThrow().feasible()).isFalse();
    }
}
