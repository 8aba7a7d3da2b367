package dev.hpo.api.trial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.optimizer.StoppingRules;
import dev.hpo.optimizer.pruning.EarlyStopper;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A measurement report under an early-stopping rule decides from the trial's own measurements and one rung's
 * scores (issue 20 fault 4) exactly as the rule does from the study's whole history. What it reads is checked on H2
 * by {@link EarlyStoppingReadsTest}.
 */
@ApiTest
class EarlyStoppingReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    TrialStore store;

    /** A study trained by its own script, reporting {@code accuracy} and {@code energy} per step. */
    static String spec(String name, String objectives, String algorithm, String earlyStopping,
                               String fidelity) {
        return """
                {"name": "%s", "objectives": %s,
                 "algorithm": {"name": "%s", "populationSize": 4, "earlyStopping": %s},
                 "budget": {"maxTrials": 60, "parallelism": 4},
                 "trialSettings": {"timeCap": "100s"}, %s
                 "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1},
                                {"name": "y", "type": "float", "min": 0, "max": 1}],
                 "seed": 5}
                """.formatted(name, objectives, algorithm, earlyStopping,
                fidelity.isEmpty() ? "" : "\"fidelity\": " + fidelity + ",");
    }

    static final String ACCURACY = "[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"}]";
    private static final String ACCURACY_AND_ENERGY = "[{\"metric\": \"accuracy\", \"goal\": \"MAXIMIZE\"},"
            + " {\"metric\": \"energy\", \"goal\": \"MINIMIZE\"}]";

    @Test
    void ashaInStepsDecidesAsFromTheWholeHistory() {
        replay(spec("asha-steps", ACCURACY, "RANDOM", "{\"rule\": \"ASHA\"}",
                "{\"unit\": \"steps\", \"max\": 9}"), 9, 1);
    }

    @Test
    void theMedianRuleInSecondsDecidesAsFromTheWholeHistory() {
        replay(spec("median-seconds", ACCURACY, "RANDOM", "{\"rule\": \"MEDIAN\", \"minTrials\": 3}", ""), 10, 10);
    }

    @Test
    void paretoRungsDecideAsFromTheWholeHistory() {
        replay(spec("asha-pareto", ACCURACY_AND_ENERGY, "NSGA2", "{\"rule\": \"ASHA\"}",
                "{\"unit\": \"steps\", \"max\": 9}"), 9, 1);
    }

    /**
     * Four workers run the study's trials, one report at a time in a seeded random order: trials learn at their
     * own pace, some leap several steps at once, some are handed back and run again. After every report, the
     * service's answer is compared with the rule's verdict from the study's whole history as stored, each trial with
     * its latest attempt's measurements: what the service decided from before rung scores existed.
     *
     * @param steps the measurements of a full run
     * @param secondsPerStep how far the elapsed seconds move per step
     */
    private void replay(String specJson, int steps, double secondsPerStep) {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(specJson);
        StudySpec spec = StudySpecParser.parse(specJson);
        EarlyStopper rule = StoppingRules.of(spec);
        Random random = new Random(study);
        List<long[]> running = new ArrayList<>();
        int stops = 0;
        int judgedAndKept = 0;
        for (int report = 0; report < 400; report++) {
            while (running.size() < 4) {
                JsonNode trials = api.suggest(study, "w" + running.size() + "-" + report, 1).get("trials");
                if (trials.isEmpty()) {
                    break;
                }
                running.add(new long[] {trials.get(0).get("id").asLong(), 0});
            }
            if (running.isEmpty()) {
                break;
            }
            long[] trial = running.get(random.nextInt(running.size()));
            if (random.nextInt(40) == 0) {
                api.post("/api/trials/" + trial[0] + "/release", "{\"workerId\": \"" + worker(trial[0]) + "\"}");
                running.remove(trial);
                continue;
            }
            trial[1] = Math.min(steps, trial[1] + (random.nextInt(6) == 0 ? 3 : 1));
            double quality = 0.3 + 0.6 * ((trial[0] * 7919) % 101) / 100.0;
            double accuracy = quality * (1 - Math.exp(-trial[1] / 3.0)) + 0.02 * random.nextGaussian();
            boolean stop = api.post("/api/trials/" + trial[0] + "/measurements", String.format(Locale.ROOT,
                    "{\"step\": %d, \"elapsedSeconds\": %.3f, \"metrics\": {\"accuracy\": %.6f, \"energy\": %.6f}}",
                    trial[1], trial[1] * secondsPerStep, accuracy, quality * 10 + 0.1 * trial[1]))
                    .json().get("shouldStop").asBoolean();

            List<Trial> history = store.ofStudy(study, true).stream()
                    .map(t -> t.inCanonicalTypes(spec.searchSpace())).toList();
            Trial measured = history.stream().filter(t -> t.id() == trial[0]).findFirst().orElseThrow();
            assertThat(stop).as("report %d of trial %d", report, trial[0])
                    .isEqualTo(rule.shouldStop(history, measured));
            if (stop) {
                stops++;
            } else if (rule.rungsReached(measured.measurements()).length > 0) {
                judgedAndKept++;
            }
            if (stop || trial[1] == steps) {
                api.complete(trial[0], String.format(Locale.ROOT, "{\"accuracy\": %.6f}", accuracy));
                running.remove(trial);
            }
        }
        assertThat(stops).as("trials stopped").isPositive();
        assertThat(judgedAndKept).as("trials judged at a rung and kept").isPositive();
    }

    private String worker(long trialId) {
        return store.find(trialId, false).orElseThrow().workerId();
    }
}
