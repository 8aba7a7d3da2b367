package dev.hpo.bench.optimizer.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.bench.InProcessApi;
import dev.hpo.bench.optimizer.lcbench.LcBenchSpace;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RestStudyTest {

    private static InProcessApi server;
    private static ApiClient api;

    /** 52 steps rising with the learning rate, so ASHA's rungs (steps 6 and 18) rank trials by it. */
    private static final Function<Map<String, Object>, double[]> CURVES = parameters -> {
        double rate = ((Number) parameters.get(LcBenchSpace.LEARNING_RATE)).doubleValue();
        double[] curve = new double[52];
        for (int s = 0; s < curve.length; s++) {
            curve[s] = 100 * rate * (s + 1) / 52;
        }
        return curve;
    };

    @BeforeAll
    static void start() throws Exception {
        server = InProcessApi.start("rest-study-test");
        api = ApiClient.http(server.base(), Optional.empty(), Retry.never());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theServiceEndsEachTrialAsTheWorkerTrainedIt() {
        String spec = LcBenchSpace.spec("rest-study-asha", LcBenchSpace.algorithm("RANDOM", "ASHA"), 1000, 3);
        RestStudy study = RestStudy.create(api, spec, LcBenchSpace.METRIC, "worker-1");

        RunTrace trace = EpochWorker.run(study, CURVES, 3 * 52 + 20);

        List<TrialView> trials = api.allTrials(study.id(), null);
        assertThat(trials).hasSize(trace.trials());
        assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(trace.fullRuns().size());
        assertThat(trials).filteredOn(t -> t.state() == TrialState.PRUNED).hasSize(trace.stopped());
        assertThat(trace.stopped()).as("ASHA stops trials that fall behind at a rung").isPositive();
        // The budget ran out in the middle of the last trial: the worker stopped the study, and the trial with it.
        assertThat(trials.get(trials.size() - 1).state()).isEqualTo(TrialState.STOPPED);
        assertThat(trace.spent()).isEqualTo(3 * 52 + 20);
        StudyView view = api.study(study.id());
        assertThat(view.state()).isEqualTo(StudyState.STOPPED);
        assertThat(study.spec().at("/algorithm/earlyStopping/metric").asText()).isEqualTo(LcBenchSpace.METRIC);
    }
}
