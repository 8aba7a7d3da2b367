package dev.hpo.api.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.api.Specs;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {

    private static final StudySpec SPEC = StudySpecParser.parse(Specs.minimizeLoss("random", 100, 1));

    @Test
    void proposalsBelongToTheSpaceAndAreReproducibleForAHistory() {
        StudyHistory empty = new StudyHistory(SPEC, List.of());

        List<Configuration> first = new RandomSampler().propose(empty, 20);
        List<Configuration> again = new RandomSampler().propose(empty, 20);

        assertThat(first).hasSize(20).isEqualTo(again);
        first.forEach(c -> assertThat(SPEC.searchSpace().canonical(c)).isEqualTo(c));
        assertThat(new HashSet<>(first)).hasSize(20);
    }

    @Test
    void aLongerHistoryGivesNewConfigurations() {
        List<TrialRecord> trials = new ArrayList<>();
        for (Configuration c : new RandomSampler().propose(new StudyHistory(SPEC, List.of()), 3)) {
            trials.add(new TrialRecord(trials.size(), c, TrialState.COMPLETE, Map.of("loss", 1.0), List.of(), false));
        }

        List<Configuration> next = new RandomSampler().propose(new StudyHistory(SPEC, trials), 3);

        assertThat(next).hasSize(3).doesNotContainAnyElementsOf(trials.stream().map(TrialRecord::parameters).toList());
    }

    @Test
    void anExhaustedDiscreteSpaceYieldsFewerProposals() {
        StudySpec tiny = StudySpecParser.parse(Specs.minimizeLoss("tiny", 100, 1).replace(
                "{\"name\": \"learningRate\", \"type\": \"float\", \"min\": 0.001, \"max\": 0.5, \"scale\": \"log\"},", "")
                .replace("{\"name\": \"batchSize\", \"type\": \"int\", \"min\": 32, \"max\": 256}",
                        "{\"name\": \"batchSize\", \"type\": \"int\", \"min\": 32, \"max\": 33}")
                .replace("\"values\": [\"sgd\", \"adam\"]},", "\"values\": [\"sgd\", \"adam\"]},"));

        List<Configuration> all = new RandomSampler().propose(new StudyHistory(tiny, List.of()), 10);

        assertThat(all).hasSize(4);
    }
}
