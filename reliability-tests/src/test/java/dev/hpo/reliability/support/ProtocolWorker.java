package dev.hpo.reliability.support;

import dev.hpo.protocol.Completion;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestion;
import dev.hpo.protocol.Suggestions;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.protocol.client.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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

    /**
     * @param measurementsPerTrial measurements reported before each completion
     * @param deadline when the worker gives up, so a broken service fails the test instead of hanging it
     */
    public ProtocolWorker(ApiServer server, long studyId, String workerId, int measurementsPerTrial, Ledger ledger,
                          Instant deadline) {
        this.api = new ApiClient(new LedgerTransport(server.transport(), ledger), Optional.of(server.token()),
                new Retry(FIRST_BACKOFF, MAX_BACKOFF, () -> Instant.now().isBefore(deadline)));
        this.studyId = studyId;
        this.workerId = workerId;
        this.measurementsPerTrial = measurementsPerTrial;
        this.ledger = ledger;
        this.deadline = deadline;
    }

    @Override
    public void run() {
        while (Instant.now().isBefore(deadline)) {
            Suggestions suggestions = send("suggestions", () -> api.suggest(studyId, Suggest.of(workerId, 1)));
            if (suggestions == null) {
                return;
            }
            if (suggestions.trials().isEmpty()) {
                if (suggestions.studyDone()) {
                    return;
                }
                Launch.pause(Duration.ofMillis(20));
                continue;
            }
            for (Suggestion trial : suggestions.trials()) {
                if (!run(trial)) {
                    return;
                }
            }
        }
    }

    /** Runs one trial; false when the worker has to give up. */
    private boolean run(Suggestion trial) {
        long trialId = trial.id();
        ledger.claimed(trialId, workerId);
        double x = ((Number) trial.parameters().get("x")).doubleValue();
        for (int step = 1; step <= measurementsPerTrial; step++) {
            double loss = x / step;
            MeasurementReport report = MeasurementReport.of(step, 0.1 * step, Map.of("loss", loss)).by(workerId);
            if (send("measurement of trial " + trialId, () -> api.measure(trialId, report)) == null) {
                return false;
            }
            ledger.measured(trialId, step, loss);
        }
        double loss = x / (measurementsPerTrial + 1);
        if (send("completion of trial " + trialId,
                () -> api.complete(trialId, Completion.of(Map.of("loss", loss), workerId))) == null) {
            return false;
        }
        ledger.completed(trialId, loss);
        return true;
    }

    /**
     * The API's acknowledgement, or null when it refused the request or stayed away past the deadline; either is
     * recorded in the ledger as a refusal, which fails the test.
     */
    private <T> T send(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (ApiException e) {
            ledger.refused(what + ": " + (e.refused() ? "" : "gave up at the deadline: ") + e.getMessage());
            return null;
        }
    }
}
