package dev.hpo.runner.worker;

import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.ProtocolJson;
import dev.hpo.protocol.Suggestion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private final Suggestion trial;
    private final TrialCommand command;
    private final WorkerSettings settings;
    private final Outbox outbox;
    private final BooleanSupplier shuttingDown;
    private final Consumer<String> log;

    TrialExecution(Suggestion trial, TrialCommand command, WorkerSettings settings, Outbox outbox,
                   BooleanSupplier shuttingDown, Consumer<String> log) {
        this.trial = trial;
        this.command = command;
        this.settings = settings;
        this.outbox = outbox;
        this.shuttingDown = shuttingDown;
        this.log = log;
    }

    /** Runs the trial to its end and hands the outcome to the outbox; returns the outcome. */
    TrialOutcome run() throws InterruptedException {
        TrialOutcome outcome = execute();
        report(outcome);
        return outcome;
    }

    private TrialOutcome execute() throws InterruptedException {
        String label = "trial " + trial.id();
        byte[] input = (ProtocolJson.write(trial) + "\n").getBytes(StandardCharsets.UTF_8);
        TrialProcess process;
        try {
            process = TrialProcess.start(command, input, label, log);
        } catch (IOException e) {
            return new TrialOutcome.Failed("cannot start the trial process: " + e.getMessage());
        }
        try (process) {
            return watch(process);
        }
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
                return ended(result, failure, 0, process);
            }
            if (process.ended()) {
                int exit = process.awaitExit(Duration.ofSeconds(5)).orElse(-1);
                if (shuttingDown.getAsBoolean() && result.isEmpty()) {
                    return new TrialOutcome.Abandoned();
                }
                return ended(result, failure, exit, process);
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
                resultAt = System.nanoTime();
            } else if (event instanceof TrialEvent.Failed failed) {
                failure = Optional.of(failed.reason());
                resultAt = System.nanoTime();
            }
        }
    }

    private static TrialOutcome ended(Optional<Map<String, Double>> result, Optional<String> failure, int exit,
                                      TrialProcess process) {
        if (failure.isPresent()) {
            return new TrialOutcome.Failed(failure.get());
        }
        if (result.isPresent()) {
            return new TrialOutcome.Completed(result.get());
        }
        if (exit == 0) {
            return new TrialOutcome.Failed("the trial process exited without printing its final metrics");
        }
        return new TrialOutcome.Failed(process.crashReason(exit));
    }

    private void report(TrialOutcome outcome) {
        if (outcome instanceof TrialOutcome.Completed completed) {
            log.accept("trial " + trial.id() + " complete: " + completed.metrics());
            outbox.complete(trial.id(), completed.metrics());
        } else if (outcome instanceof TrialOutcome.Failed failed) {
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
