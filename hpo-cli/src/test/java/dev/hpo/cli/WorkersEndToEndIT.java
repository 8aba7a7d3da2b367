package dev.hpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.local.LocalServices;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API and worker processes as users run them, through the launcher: a real study trained by two workers, a
 * worker killed mid-trial, and a trial that overruns its cap.
 */
class WorkersEndToEndIT {

    private static final String TINY_STUDY = """
            {"name": "tiny-fashion-mnist",
             "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
             "algorithm": {"name": "RANDOM"},
             "budget": {"maxTrials": 4, "parallelism": 2},
             "trialSettings": {"timeCap": "20s", "heartbeatTimeout": "30s",
                               "dataset": {"name": "fashion-mnist", "trainPerClass": 10, "valPerClass": 5},
                               "model": {"family": "resnet9"}},
             "parameters": [{"name": "width", "type": "float", "min": 0.0625, "max": 0.125},
                            {"name": "depth", "type": "categorical", "values": [0.4]},
                            {"name": "batchSize", "type": "categorical", "values": [32]},
                            {"name": "learningRate", "type": "float", "min": 0.01, "max": 0.1, "scale": "log"}],
             "seed": 5}""";

    private static String scriptStudy(String name, String timeCap) {
        return """
                {"name": "%s",
                 "objectives": [{"metric": "score", "goal": "MAXIMIZE"}],
                 "algorithm": {"name": "RANDOM"},
                 "budget": {"maxTrials": 1, "parallelism": 1},
                 "trialSettings": {"timeCap": "%s", "heartbeatTimeout": "3s", "maxRetries": 2},
                 "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1}]}""".formatted(name, timeCap);
    }

    @Test
    void twoWorkersTrainATinyStudyAndItsResultsAreStoredWithAccuracyAndMacs() throws Exception {
        LocalApi local = LocalApi.get();
        String study = local.create(TINY_STUDY);
        String data = "fashion-mnist=" + dev.hpo.cli.local.FashionMnistFiles.DEBIAN;
        // Two training JVMs share the cores here; the cap is another test's subject, so it gets room.
        local.worker("tiny-1", study, "--dataset-dir", data, "--cap-grace", "60s");
        local.worker("tiny-2", study, "--dataset-dir", data, "--cap-grace", "60s");

        local.await(study, s -> "COMPLETED".equals(s.path("state").asText()), Duration.ofMinutes(4));

        List<JsonNode> trials = local.trials(study);
        assertThat(trials).hasSize(4);
        for (JsonNode trial : trials) {
            assertThat(trial.path("state").asText()).as(trial.toString() + local.logs()).isEqualTo("COMPLETE");
            assertThat(trial.at("/metrics/accuracy").asDouble(-1)).isBetween(0.0, 1.0);
            assertThat(trial.at("/metrics/macs").asLong()).isPositive();
            assertThat(trial.at("/metrics/params").asLong()).isPositive();
            JsonNode stored = local.api.get("api/trials/" + trial.path("id").asText());
            assertThat(stored.path("measurements")).as("learning curve").isNotEmpty();
        }
        Set<String> workers = trials.stream().map(t -> t.path("workerId").asText()).collect(Collectors.toSet());
        assertThat(workers).containsExactlyInAnyOrder("tiny-1", "tiny-2");
    }

    @Test
    void aTrialOfAWorkerKilledWithSigkillIsRequeuedAndFinishedByAnotherWorker() throws Exception {
        LocalApi local = LocalApi.get();
        String study = local.create(scriptStudy("killed-worker", "60s"));
        String command = "sh " + LocalApi.script("slow-trial.sh");
        LocalServices.Service doomed = local.worker("doomed", study, "--trial-command", command);
        local.await(study, s -> s.at("/trialCounts/RUNNING").asLong() == 1, Duration.ofMinutes(2));
        JsonNode held = local.trials(study).get(0);
        assertThat(held.path("workerId").asText()).isEqualTo("doomed");
        local.worker("survivor", study, "--trial-command", command);
        // Let the doomed worker report some of its learning curve first.
        local.await(study, s -> local.api.get("api/trials/" + held.path("id").asText()).path("measurements")
                .size() >= 2, Duration.ofSeconds(30));

        doomed.process().destroyForcibly();

        local.await(study, s -> "COMPLETED".equals(s.path("state").asText()), Duration.ofMinutes(2));
        JsonNode trial = local.api.get("api/trials/" + held.path("id").asText());
        assertThat(trial.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(trial.path("workerId").asText()).isEqualTo("survivor");
        assertThat(trial.path("attempts").asInt()).isEqualTo(2);
        assertThat(trial.at("/metrics/score").asDouble()).isEqualTo(trial.at("/parameters/x").asDouble(), within());
        Set<Integer> attempts = java.util.stream.StreamSupport.stream(trial.path("measurements").spliterator(), false)
                .map(m -> m.path("attempt").asInt()).collect(Collectors.toSet());
        assertThat(attempts).as("measurements of the lost attempt are kept").contains(1, 2);
    }

    @Test
    void aWorkerStoppedWithSigtermKillsItsTrialAndTheTrialGoesBackToItsStudy() throws Exception {
        LocalApi local = LocalApi.get();
        String study = local.create(scriptStudy("stopped-worker", "60s"));
        String command = "sh " + LocalApi.script("slow-trial.sh");
        LocalServices.Service stopped = local.worker("stopped", study, "--trial-command", command);
        local.await(study, s -> s.at("/trialCounts/RUNNING").asLong() == 1, Duration.ofMinutes(2));
        String trialId = local.trials(study).get(0).path("id").asText();
        local.await(study, s -> local.api.get("api/trials/" + trialId).path("measurements").size() >= 1,
                Duration.ofSeconds(30));
        List<ProcessHandle> trialProcesses = stopped.process().descendants().toList();
        assertThat(trialProcesses).as("the trial runs in its own processes").isNotEmpty();

        stopped.process().destroy();

        assertThat(stopped.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        // Killed processes linger until their new parent reaps them.
        long reaped = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (trialProcesses.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < reaped) {
            Thread.sleep(100);
        }
        assertThat(trialProcesses).as("no trial process left behind").noneMatch(ProcessHandle::isAlive);
        JsonNode trial = local.api.get("api/trials/" + trialId);
        assertThat(trial.path("state").asText()).as("not failed or lost: handed back").isIn("RUNNING", "WAITING");
        local.worker("successor", study, "--trial-command", command);
        local.await(study, s -> "COMPLETED".equals(s.path("state").asText()), Duration.ofMinutes(2));
        JsonNode done = local.api.get("api/trials/" + trialId);
        assertThat(done.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(done.path("workerId").asText()).isEqualTo("successor");
    }

    @Test
    void aTrialThatOverrunsItsCapIsKilledAndRecordedWithReasonTimeCap() throws Exception {
        LocalApi local = LocalApi.get();
        String study = local.create(scriptStudy("stuck-trial", "2s"));
        local.worker("capped", study, "--trial-command", "sh " + LocalApi.script("stuck-trial.sh"),
                "--cap-grace", "1s");

        local.await(study, s -> "COMPLETED".equals(s.path("state").asText()), Duration.ofMinutes(2));

        JsonNode trial = local.api.get("api/trials/" + local.trials(study).get(0).path("id").asText());
        assertThat(trial.path("state").asText()).isEqualTo("FAILED");
        assertThat(trial.path("failureReason").asText()).isEqualTo("time cap");
        assertThat(trial.path("measurements")).as("the measurement reported before the cap").hasSize(1);
        assertThat(trial.at("/measurements/0/metrics/score").asDouble()).isEqualTo(0.25);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
