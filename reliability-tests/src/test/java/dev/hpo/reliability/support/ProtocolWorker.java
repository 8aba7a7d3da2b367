package dev.hpo.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * A worker that speaks the worker protocol over HTTP and trains nothing: it claims a trial, reports
 * measurements and a completion, and asks for the next. Like the real worker it retries with backoff while the
 * API is unreachable or answers 503, and it records every acknowledged report in a {@link Ledger}.
 */
public final class ProtocolWorker implements Runnable {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final ApiClient api;
    private final long studyId;
    private final String workerId;
    private final int measurementsPerTrial;
    private final Ledger ledger;
    private final Instant deadline;
    private final Random jitter;

    /**
     * @param measurementsPerTrial measurements reported before each completion
     * @param deadline when the worker gives up, so a broken service fails the test instead of hanging it
     */
    public ProtocolWorker(ApiClient api, long studyId, String workerId, int measurementsPerTrial, Ledger ledger,
                          Instant deadline) {
        this.api = api;
        this.studyId = studyId;
        this.workerId = workerId;
        this.measurementsPerTrial = measurementsPerTrial;
        this.ledger = ledger;
        this.deadline = deadline;
        this.jitter = new Random(workerId.hashCode());
    }

    @Override
    public void run() {
        while (Instant.now().isBefore(deadline)) {
            Response suggestions = send("suggestions", "api/studies/" + studyId + "/suggestions",
                    Map.of("workerId", workerId, "count", 1));
            if (suggestions == null) {
                return;
            }
            JsonNode trials = suggestions.json().path("trials");
            if (trials.isEmpty()) {
                if (suggestions.json().path("studyDone").asBoolean()) {
                    return;
                }
                Launch.pause(Duration.ofMillis(20));
                continue;
            }
            for (JsonNode trial : trials) {
                if (!run(trial)) {
                    return;
                }
            }
        }
    }

    /** Runs one trial; false when the worker has to give up. */
    private boolean run(JsonNode trial) {
        long trialId = trial.path("id").asLong();
        ledger.claimed(trialId, workerId);
        double x = trial.path("parameters").path("x").asDouble();
        for (int step = 1; step <= measurementsPerTrial; step++) {
            double loss = x / step;
            Response measured = send("measurement", "api/trials/" + trialId + "/measurements", Map.of(
                    "step", step, "elapsedSeconds", 0.1 * step, "metrics", Map.of("loss", loss),
                    "workerId", workerId));
            if (measured == null) {
                return false;
            }
            ledger.measured(trialId, step, loss);
        }
        double loss = x / (measurementsPerTrial + 1);
        Response completed = send("completion", "api/trials/" + trialId + "/complete",
                Map.of("metrics", Map.of("loss", loss), "workerId", workerId));
        if (completed == null) {
            return false;
        }
        ledger.completed(trialId, loss);
        return true;
    }

    /**
     * POSTs until the API acknowledges, backing off while it is unreachable or unavailable. Returns null when
     * the API refuses the request (recorded in the ledger) or the deadline passed.
     */
    private Response send(String what, String path, Object body) {
        Duration backoff = FIRST_BACKOFF;
        while (Instant.now().isBefore(deadline)) {
            try {
                Response response = api.post(path, body);
                ledger.answered(response.status());
                if (response.ok()) {
                    return response;
                }
                if (response.status() < 500) {
                    ledger.refused(what + " " + path + " -> " + response.status() + " " + response.body());
                    return null;
                }
            } catch (IOException unreachable) {
                ledger.unreachable();
            }
            Launch.pause(backoff.plusMillis(jitter.nextInt((int) backoff.toMillis() + 1)));
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        ledger.refused(what + " " + path + ": gave up at the deadline");
        return null;
    }
}
