package dev.hpo.runner.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.Suggestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one trial in its own process and reports it: measurements as they come, heartbeats while it trains, and
 * the end. The worker owns the hard cap: a process still running at the time cap plus the grace is killed.
 */
final class TrialExecution {

    private static final Duration LONGEST_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SHORTEST_HEARTBEAT_INTERVAL = Duration.ofMillis(500);
    private static final Duration EXIT_AFTER_RESULT = Duration.ofSeconds(10);
    private static final Duration TICK = Duration.ofMillis(250);
    /** The field of a trial's input naming the folder its files may be written to. */
    static final String ARTIFACT_DIRECTORY = "artifactDirectory";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suggestion trial;
    private final TrialCommand command;
    private final WorkerSettings settings;
    private final Outbox outbox;
    private final BooleanSupplier shuttingDown;
    private final Consumer<String> log;
    private final TrialArtifacts artifacts;

    TrialExecution(Suggestion trial, TrialCommand command, WorkerSettings settings, Outbox outbox,
                   BooleanSupplier shuttingDown, Consumer<String> log) {
        this.trial = trial;
        this.command = command;
        this.settings = settings;
        this.outbox = outbox;
        this.shuttingDown = shuttingDown;
        this.log = log;
        this.artifacts = new TrialArtifacts(trial.id(), settings.maxArtifactBytes(), outbox, log);
    }

    /** Runs the trial to its end and hands the outcome to the outbox; returns the outcome. */
    TrialOutcome run() throws InterruptedException {
        TrialOutcome outcome = execute();
        report(outcome);
        return outcome;
    }

    private TrialOutcome execute() throws InterruptedException {
        String label = "trial " + trial.id();
        TrialProcess process;
        try {
            byte[] input = (input() + "\n").getBytes(StandardCharsets.UTF_8);
            process = TrialProcess.start(command, input, label, log);
        } catch (IOException e) {
            return new TrialOutcome.Failed("cannot start the trial process: " + e.getMessage());
        }
        try (process) {
            return watch(process);
        }
    }

    /**
     * The trial as its process reads it: the suggestion, and, for a study that keeps artifacts, a fresh folder of
     * the worker's ({@code artifactDirectory}) the process may write the files it names in its final line to.
     */
    private String input() throws IOException {
        if (!trial.keepArtifacts()) {
            return ProtocolJson.write(trial);
        }
        artifacts.create();
        ObjectNode json = (ObjectNode) JSON.readTree(ProtocolJson.write(trial));
        json.put(ARTIFACT_DIRECTORY, artifacts.directory().toString());
        return json.toString();
    }

    private TrialOutcome watch(TrialProcess process) throws InterruptedException {
        Duration interval = heartbeatInterval();
        long started = System.nanoTime();
        long deadline = started + (command.announcesStart() ? settings.setupLimit() : trial.timeCap()
                .plus(settings.capGrace())).toNanos();
        long nextHeartbeat = started + interval.toNanos();
        Map<String, Double> lastMetrics = Map.of();
        Optional<Map<String, Double>> result = Optional.empty();
        Optional<String> failure = Optional.empty();
        List<Path> files = List.of();
        long resultAt = 0;
        while (true) {
            long now = System.nanoTime();
            if (shuttingDown.getAsBoolean()) {
                process.kill();
                return new TrialOutcome.Abandoned();
            }
            if (outbox.stopRequested(trial.id()) && result.isEmpty()) {
                process.kill();
                return new TrialOutcome.StopRequested(lastMetrics);
            }
            if (now - deadline >= 0 && result.isEmpty() && failure.isEmpty()) {
                process.kill();
                log.accept("trial " + trial.id() + " ran past its time cap of " + trial.timeCap().toSeconds()
                        + " s plus " + settings.capGrace().toSeconds() + " s grace: killed");
                return new TrialOutcome.Failed(TrialOutcome.TIME_CAP);
            }
            if ((result.isPresent() || failure.isPresent()) && now - resultAt > EXIT_AFTER_RESULT.toNanos()) {
                // The trial said how it ended but does not exit: its word stands, the process goes.
                process.kill();
                return ended(result, files, failure, 0, process);
            }
            if (process.ended()) {
                int exit = process.awaitExit(Duration.ofSeconds(5)).orElse(-1);
                if (shuttingDown.getAsBoolean() && result.isEmpty()) {
                    return new TrialOutcome.Abandoned();
                }
                return ended(result, files, failure, exit, process);
            }
            if (now - nextHeartbeat >= 0) {
                outbox.heartbeat(trial.id());
                nextHeartbeat = now + interval.toNanos();
            }
            Duration wait = Duration.ofNanos(Math.min(TICK.toNanos(), Math.max(0, nextHeartbeat - now)));
            Optional<TrialEvent> next = process.poll(wait);
            if (next.isEmpty()) {
                continue;
            }
            TrialEvent event = next.get();
            if (event instanceof TrialEvent.Started) {
                deadline = System.nanoTime() + trial.timeCap().plus(settings.capGrace()).toNanos();
            } else if (event instanceof TrialEvent.Measured measured) {
                MeasurementReport measurement = measured.measurement();
                lastMetrics = measurement.metrics();
                outbox.measure(trial.id(), measurement);
            } else if (event instanceof TrialEvent.Finished finished) {
                result = Optional.of(finished.metrics());
                files = finished.artifacts();
                resultAt = System.nanoTime();
            } else if (event instanceof TrialEvent.Failed failed) {
                failure = Optional.of(failed.reason());
                resultAt = System.nanoTime();
            }
        }
    }

    private static TrialOutcome ended(Optional<Map<String, Double>> result, List<Path> files,
                                      Optional<String> failure, int exit, TrialProcess process) {
        if (failure.isPresent()) {
            return new TrialOutcome.Failed(failure.get());
        }
        if (result.isPresent()) {
            return new TrialOutcome.Completed(result.get(), files);
        }
        if (exit == 0) {
            return new TrialOutcome.Failed("the trial process exited without printing its final metrics");
        }
        return new TrialOutcome.Failed(process.crashReason(exit));
    }

    private void report(TrialOutcome outcome) {
        if (outcome instanceof TrialOutcome.Completed completed) {
            log.accept("trial " + trial.id() + " complete: " + completed.metrics());
            artifacts.upload(completed.artifacts(), trial.keepArtifacts());
            outbox.complete(trial.id(), completed.metrics());
            return;
        }
        artifacts.discard();
        if (outcome instanceof TrialOutcome.Failed failed) {
            log.accept("trial " + trial.id() + " failed: " + failed.reason());
            outbox.fail(trial.id(), failed.reason());
        } else if (outcome instanceof TrialOutcome.StopRequested stopped) {
            log.accept("trial " + trial.id() + " stopped at the API's request");
            outbox.complete(trial.id(), stopped.lastMetrics());
        } else {
            log.accept("trial " + trial.id() + " handed back: the worker is shutting down");
            outbox.release(trial.id());
        }
    }

    private Duration heartbeatInterval() {
        Duration wanted = trial.heartbeatTimeout().dividedBy(3);
        if (wanted.compareTo(LONGEST_HEARTBEAT_INTERVAL) > 0) {
            return LONGEST_HEARTBEAT_INTERVAL;
        }
        return wanted.compareTo(SHORTEST_HEARTBEAT_INTERVAL) < 0 ? SHORTEST_HEARTBEAT_INTERVAL : wanted;
    }
}
