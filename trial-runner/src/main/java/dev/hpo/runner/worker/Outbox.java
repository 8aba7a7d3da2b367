package dev.hpo.runner.worker;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Release;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything the worker tells the API, sent in order by one thread that keeps retrying while the API is
 * unreachable, so a trial process never waits on the network and no report is lost to an outage.
 * Heartbeats are only sent when nothing else is waiting: any report is as good a sign of life.
 */
final class Outbox implements AutoCloseable {

    private record Report(long trialId, String what, boolean heartbeat, Function<ApiClient, Boolean> send) {
    }

    private final ApiClient client;
    private final String workerId;
    private final Consumer<String> log;
    private final Deque<Report> pending = new ArrayDeque<>();
    private final Set<Long> stopRequested = ConcurrentHashMap.newKeySet();
    private final Thread sender;
    private boolean sending;
    private volatile boolean closed;

    Outbox(ApiClient client, String workerId, Consumer<String> log) {
        this.client = client;
        this.workerId = workerId;
        this.log = log;
        this.sender = new Thread(this::sendAll, "outbox");
        this.sender.setDaemon(true);
        this.sender.start();
    }

    void measure(long trialId, MeasurementReport measurement) {
        add(new Report(trialId, "measurement at step " + measurement.step(), false,
                api -> api.measure(trialId, measurement.by(workerId)).shouldStop()));
    }

    void heartbeat(long trialId) {
        synchronized (pending) {
            if (pending.isEmpty() && !sending) {
                add(new Report(trialId, "heartbeat", true,
                        api -> api.heartbeat(trialId, new Heartbeat(workerId)).shouldStop()));
            }
        }
    }

    void complete(long trialId, Map<String, Double> metrics) {
        add(new Report(trialId, "completion", false, api -> {
            api.complete(trialId, Completion.of(metrics, workerId));
            return false;
        }));
    }

    /**
     * Uploads a file of a running trial; queued before the trial's completion, so the API has it when it decides
     * which files its study keeps. {@code after} runs once the upload was sent or refused.
     */
    void upload(long trialId, String name, Path file, String sha256, Runnable after) {
        add(new Report(trialId, "upload of " + name, false, api -> {
            try {
                api.uploadArtifact(trialId, workerId, name, file, sha256);
                return false;
            } finally {
                after.run();
            }
        }));
    }

    void fail(long trialId, String reason) {
        add(new Report(trialId, "failure (" + reason + ")", false, api -> {
            api.complete(trialId, Completion.failure(reason, workerId));
            return false;
        }));
    }

    /**
     * Hands a trial back. Where the API has no release, the trial goes back to its study when its heartbeat
     * timeout runs out, as for a worker that died.
     */
    void release(long trialId) {
        add(new Report(trialId, "release", false, api -> {
            try {
                api.release(trialId, new Release(workerId));
                log.accept("trial " + trialId + " handed back to its study");
            } catch (ApiException e) {
                if (!e.isNotFound() && e.status().orElse(0) != 405) {
                    throw e;
                }
                log.accept("trial " + trialId + " goes back to its study when its heartbeat timeout runs out");
            }
            return false;
        }));
    }

    /** Whether the API answered a report about this trial with {@code shouldStop: true}. */
    boolean stopRequested(long trialId) {
        return stopRequested.contains(trialId);
    }

    /** Waits until every report has been sent (or refused); false when {@code timeout} passed first. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pending) {
            while (!pending.isEmpty() || sending) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pending.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Stops sending: reports still waiting are dropped, and said so in the log. */
    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        synchronized (pending) {
            for (Report report : pending) {
                log.accept("could not send the " + report.what() + " of trial " + report.trialId()
                        + ": the API stayed unreachable");
            }
            pending.clear();
            pending.notifyAll();
        }
    }

    boolean isOpen() {
        return !closed;
    }

    private void add(Report report) {
        synchronized (pending) {
            if (closed) {
                throw new IllegalStateException("the outbox is closed");
            }
            pending.addLast(report);
            pending.notifyAll();
        }
    }

    private void sendAll() {
        while (!closed) {
            Report report;
            synchronized (pending) {
                while (pending.isEmpty() && !closed) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                report = pending.removeFirst();
                sending = true;
            }
            try {
                if (report.send().apply(client)) {
                    stopRequested.add(report.trialId());
                }
            } catch (ApiException e) {
                if (e.refused()) {
                    // A refusal will not change by repeating: a finished trial (409) keeps what it has.
                    if (!report.heartbeat() || !e.isConflict()) {
                        log.accept("the API refused the " + report.what() + " of trial " + report.trialId() + ": "
                                + e.getMessage());
                    }
                    if (e.isConflict() || e.isNotFound()) {
                        stopRequested.add(report.trialId());
                    }
                } else if (!closed) {
                    log.accept("gave up sending the " + report.what() + " of trial " + report.trialId() + ": "
                            + e.getMessage());
                }
            } finally {
                synchronized (pending) {
                    sending = false;
                    pending.notifyAll();
                }
            }
        }
    }
}
