package dev.hpo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.cli.local.LocalServices;
import dev.hpo.protocol.ConfirmationReport;
import dev.hpo.protocol.MeasurementView;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API and worker processes as users run them, through the launcher: a real study trained by two workers, a
 * worker killed mid-trial, a trial that overruns its cap, and a study whose trials a script trains.
 */
class WorkersEndToEndIT {

    private static final String TINY_STUDY = """
            {"name": "tiny-fashion-mnist",
             "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
             "algorithm": {"name": "RANDOM"},
             "budget": {"maxTrials": 2, "parallelism": 2},
             "trialSettings": {"timeCap": "45s", "heartbeatTimeout": "30s",
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
        long study = local.create(TINY_STUDY);
        String data = "fashion-mnist=" + dev.hpo.cli.local.FashionMnistFiles.DEBIAN;
        // Two training JVMs share the cores here, beside whatever else runs on the machine, and setting one up can
        // take most of a short cap. The cap is another test's subject, so it gets room; each worker holds one of the
        // two trials at once, so both train.
        local.worker("tiny-1", study, "--dataset-dir", data, "--cap-grace", "60s");
        local.worker("tiny-2", study, "--dataset-dir", data, "--cap-grace", "60s");

        local.await(study, s -> s.state() == StudyState.COMPLETED, Duration.ofMinutes(4));

        List<TrialView> trials = local.trials(study);
        assertThat(trials).hasSize(2);
        for (TrialView trial : trials) {
            assertThat(trial.state()).as(ProtocolJson.write(trial) + local.logs()).isEqualTo(TrialState.COMPLETE);
            assertThat(trial.metrics().get("accuracy")).isBetween(0.0, 1.0);
            assertThat(trial.metrics().get("macs")).isPositive();
            assertThat(trial.metrics().get("params")).isPositive();
            TrialView stored = local.api.trial(trial.id());
            assertThat(stored.measurements()).as("learning curve").isNotEmpty();
        }
        Set<String> workers = trials.stream().map(TrialView::workerId).collect(Collectors.toSet());
        assertThat(workers).containsExactlyInAnyOrder("tiny-1", "tiny-2");
    }

    /** The spec's confirmation starts when the search completes; the same worker trains the runs on held-out data. */
    @Test
    void aWorkerTrainsTheConfirmationRunsAStudyStartsAtItsEnd() throws Exception {
        LocalApi local = LocalApi.get();
        long study = local.create(TINY_STUDY.replace("tiny-fashion-mnist", "tiny-confirmed")
                .replace("\"maxTrials\": 2, \"parallelism\": 2", "\"maxTrials\": 1, \"parallelism\": 1")
                .replace("\"seed\": 5", "\"confirm\": {\"top\": 1, \"repeats\": 2}, \"seed\": 5"));
        String data = "fashion-mnist=" + dev.hpo.cli.local.FashionMnistFiles.DEBIAN;
        local.worker("confirmer", study, "--dataset-dir", data, "--cap-grace", "60s");

        local.await(study, s -> s.trialCounts().getOrDefault(TrialState.COMPLETE, 0L) == 3, Duration.ofMinutes(4));

        ConfirmationReport report = local.api.confirmations(study);
        assertThat(report.configurations()).singleElement().satisfies(c -> {
            assertThat(c.completed()).as(local.logs()).isEqualTo(2);
            assertThat(c.metrics().get("accuracy").count()).isEqualTo(2);
            assertThat(c.metrics().get("macs").mean()).isEqualTo(c.searchMetrics().get("macs"));
        });
        List<TrialView> runs = local.trials(study).stream().filter(TrialView::confirmation).toList();
        assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.workerId()).isEqualTo("confirmer"));
    }

    @Test
    void aTrialOfAWorkerKilledWithSigkillIsRequeuedAndFinishedByAnotherWorker() throws Exception {
        LocalApi local = LocalApi.get();
        long study = local.create(scriptStudy("killed-worker", "60s"));
        String command = "sh " + LocalApi.script("slow-trial.sh");
        LocalServices.Service doomed = local.worker("doomed", study, "--trial-command", command);
        local.await(study, s -> running(s) == 1, Duration.ofMinutes(2));
        TrialView held = local.trials(study).get(0);
        assertThat(held.workerId()).isEqualTo("doomed");
        local.worker("survivor", study, "--trial-command", command);
        // Let the doomed worker report some of its learning curve first.
        local.await(study, s -> local.api.trial(held.id()).measurements().size() >= 2, Duration.ofSeconds(30));

        doomed.process().destroyForcibly();

        local.await(study, s -> s.state() == StudyState.COMPLETED, Duration.ofMinutes(2));
        TrialView trial = local.api.trial(held.id());
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.workerId()).isEqualTo("survivor");
        assertThat(trial.attempts()).isEqualTo(2);
        assertThat(trial.metrics().get("score")).isEqualTo(((Number) trial.parameters().get("x")).doubleValue(),
                within());
        Set<Integer> attempts = trial.measurements().stream().map(MeasurementView::attempt)
                .collect(Collectors.toSet());
        assertThat(attempts).as("measurements of the lost attempt are kept").contains(1, 2);
    }

    @Test
    void aWorkerStoppedWithSigtermKillsItsTrialAndTheTrialGoesBackToItsStudy() throws Exception {
        LocalApi local = LocalApi.get();
        long study = local.create(scriptStudy("stopped-worker", "60s"));
        String command = "sh " + LocalApi.script("slow-trial.sh");
        LocalServices.Service stopped = local.worker("stopped", study, "--trial-command", command);
        local.await(study, s -> running(s) == 1, Duration.ofMinutes(2));
        long trialId = local.trials(study).get(0).id();
        local.await(study, s -> !local.api.trial(trialId).measurements().isEmpty(), Duration.ofSeconds(30));
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
        TrialView trial = local.api.trial(trialId);
        assertThat(trial.state()).as("not failed or lost: handed back").isIn(TrialState.RUNNING, TrialState.WAITING);
        local.worker("successor", study, "--trial-command", command);
        local.await(study, s -> s.state() == StudyState.COMPLETED, Duration.ofMinutes(2));
        TrialView done = local.api.trial(trialId);
        assertThat(done.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(done.workerId()).isEqualTo("successor");
    }

    @Test
    void aTrialThatOverrunsItsCapIsKilledAndRecordedWithReasonTimeCap() throws Exception {
        LocalApi local = LocalApi.get();
        long study = local.create(scriptStudy("stuck-trial", "2s"));
        local.worker("capped", study, "--trial-command", "sh " + LocalApi.script("stuck-trial.sh"),
                "--cap-grace", "1s");

        local.await(study, s -> s.state() == StudyState.COMPLETED, Duration.ofMinutes(2));

        TrialView trial = local.api.trial(local.trials(study).get(0).id());
        assertThat(trial.state()).isEqualTo(TrialState.FAILED);
        assertThat(trial.failureReason()).isEqualTo("time cap");
        assertThat(trial.measurements()).as("the measurement reported before the cap").hasSize(1);
        assertThat(trial.measurements().get(0).metrics().get("score")).isEqualTo(0.25);
    }

    @Test
    void aStudyWithoutTrialSettingsIsTrainedByAWorkersTrialCommand() throws Exception {
        LocalApi local = LocalApi.get();
        long study = local.create("""
                {"name": "no-trial-settings",
                 "objectives": [{"metric": "score", "goal": "MAXIMIZE"}],
                 "budget": {"maxTrials": 1},
                 "parameters": [{"name": "x", "type": "float", "min": 0, "max": 1}]}""");
        local.worker("elsewhere", study, "--trial-command", "sh " + LocalApi.script("slow-trial.sh"));

        local.await(study, s -> s.state() == StudyState.COMPLETED, Duration.ofMinutes(2));

        TrialView trial = local.api.trial(local.trials(study).get(0).id());
        assertThat(trial.state()).as(ProtocolJson.write(trial) + local.logs()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.metrics().get("score")).isEqualTo(((Number) trial.parameters().get("x")).doubleValue(),
                within());
    }

    private static long running(StudyView study) {
        return study.trialCounts().getOrDefault(TrialState.RUNNING, 0L);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
