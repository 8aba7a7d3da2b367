package dev.hpo.api.trial;

import dev.hpo.trial.TrialState;
import java.time.Instant;

/** A trial row as the worker protocol's plain SQL reads it; {@link TrialEntity} holds the same columns. */
record TrialRow(long id, long studyId, long number, long configKey, int repeatIndex, String parametersJson,
                boolean enqueued, TrialState state, TrialState stopReason, String workerId, int attempts,
                String metricsJson, String failureReason, Instant createdAt, Instant startedAt, Instant finishedAt,
                Instant heartbeatAt) {

    /**
     * This row as {@link TrialRows#finish} leaves it, so that a completion need not read it back. Only a heartbeat
     * racing with the completion could make the stored row differ, by its time.
     */
    TrialRow finished(TrialState end, String metricsJson, String reason, Instant at) {
        return new TrialRow(id, studyId, number, configKey, repeatIndex, parametersJson, enqueued, end, stopReason,
                workerId, attempts, metricsJson, reason, createdAt, startedAt, at, heartbeatAt);
    }

    /** Held by {@code workerId}, or by anyone when the worker does not say who it is. */
    boolean runningFor(String workerId) {
        return state == TrialState.RUNNING && (workerId == null || workerId.equals(this.workerId));
    }
}
