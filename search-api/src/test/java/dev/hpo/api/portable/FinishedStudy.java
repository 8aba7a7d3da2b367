package dev.hpo.api.portable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Release;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.client.ApiClient;
import java.util.List;
import java.util.Map;

/**
 * A study run to its end through the worker protocol, as workers run one: four trials, one completed at once, one
 * handed back and completed by another worker on its second attempt, one pruned by the median rule and one failed.
 */
final class FinishedStudy {

    private FinishedStudy() {
    }

    static String spec(String name) {
        return """
                {"name": "%s", "description": "four trials that end in four ways",
                 "objectives": [{"metric": "accuracy", "goal": "MAXIMIZE"}],
                 "algorithm": {"name": "RANDOM",
                               "earlyStopping": {"rule": "MEDIAN", "minTrials": 1, "minFraction": 0.5}},
                 "budget": {"maxTrials": 4, "parallelism": 4},
                 "trialSettings": {"timeCap": "100s", "heartbeatTimeout": "60s"},
                 "fidelity": {"unit": "steps", "max": 10},
                 "parameters": [{"name": "lr", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"},
                                {"name": "optimizer", "type": "categorical", "values": ["sgd", "adam"]},
                                {"name": "batch", "type": "int", "min": 16, "max": 256}],
                 "seed": 11}
                """.formatted(name);
    }

    /** Runs a new study named {@code name} to its end; returns it as it ended. */
    static StudyView run(ApiClient api, String name) {
        long study = api.createStudy(spec(name)).id();
        List<Suggestion> held = api.suggest(study, Suggest.of("cpu-1", 4, "dl4j")).trials();
        assertThat(held).hasSize(4);
        Suggestion complete = held.get(0);
        Suggestion handedBack = held.get(1);
        Suggestion pruned = held.get(2);
        Suggestion failed = held.get(3);

        measure(api, complete, 5, 0.80, "cpu-1");
        measure(api, complete, 10, 0.90, "cpu-1");
        api.complete(complete.id(), Completion.of(Map.of("accuracy", 0.91, "macs", 1.5e7), "cpu-1"));

        measure(api, handedBack, 2, 0.30, "cpu-1");
        api.release(handedBack.id(), new Release("cpu-1"));
        List<Suggestion> again = api.suggest(study, Suggest.of("gpu-1", 1, "pytorch")).trials();
        assertThat(again).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(handedBack.id());
            assertThat(s.attempt()).isEqualTo(2);
        });
        measure(api, handedBack, 5, 0.85, "gpu-1");
        measure(api, handedBack, 10, 0.87, "gpu-1");
        api.complete(handedBack.id(), Completion.of(Map.of("accuracy", 0.88, "macs", 2.5e7), "gpu-1"));

        assertThat(measure(api, pruned, 5, 0.10, "cpu-1")).as("the median rule stops a trial far behind")
                .isTrue();
        api.complete(pruned.id(), Completion.of(Map.of(), "cpu-1"));

        measure(api, failed, 1, 0.05, "cpu-1");
        api.complete(failed.id(), Completion.failure("loss diverged at step 1", "cpu-1"));

        StudyView ended = api.study(study);
        return ended.state().finished() ? ended : api.stopStudy(study);
    }

    private static boolean measure(ApiClient api, Suggestion trial, long step, double accuracy, String worker) {
        return api.measure(trial.id(), MeasurementReport.of(step, step * 1.5, Map.of("accuracy", accuracy,
                "loss", 1 - accuracy)).by(worker)).shouldStop();
    }
}
