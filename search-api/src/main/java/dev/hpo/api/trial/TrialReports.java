package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyLifecycle;
import dev.hpo.api.study.StudyStatus;
import dev.hpo.api.study.StudyStatuses;
import dev.hpo.optimizer.StoppingRules;
import dev.hpo.optimizer.pruning.EarlyStopper;
import dev.hpo.protocol.Completion;
import dev.hpo.protocol.Heartbeat;
import dev.hpo.protocol.MeasurementReport;
import dev.hpo.protocol.StopDecision;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.FieldError;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What workers report about the trials they hold: measurements, heartbeats and completions. Each answer tells
 * the worker whether to stop: its study ended, early stopping pruned the trial, or the trial is no longer its.
 * Every change goes through {@link TrialStore#update}; one that lost to a concurrent change (a heartbeat, a stop
 * request, the reaper) reads the trial again and decides afresh.
 */
@Service
class TrialReports {

    private final TrialStore store;
    private final MeasurementStore measurements;
    private final RungScores rungScores;
    private final StudyStatuses statuses;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final TrialMapper mapper;
    private final WaitingTrials waiting;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<Long, EarlyStopper> stoppers = new ConcurrentHashMap<>();

    TrialReports(TrialStore store, MeasurementStore measurements, RungScores rungScores, StudyStatuses statuses,
                 StudyCatalog catalog, StudyLifecycle lifecycle, TrialMapper mapper, WaitingTrials waiting,
                 Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.measurements = measurements;
        this.rungScores = rungScores;
        this.statuses = statuses;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.mapper = mapper;
        this.waiting = waiting;
        this.clock = clock;
        this.events = events;
    }

    StopDecision measure(long trialId, MeasurementReport request) {
        requireFiniteMetrics(request.metrics());
        Trial trial = trial(trialId);
        if (!runningFor(trial, request.workerId())) {
            return new StopDecision(true);
        }
        Instant now = now();
        Measurement reported = new Measurement(request.step(), request.elapsedSeconds(), request.metrics());
        measurements.add(trial, reported, now);
        if (heartbeatDue(trial, now)) {
            store.heartbeat(trial, now);
        }
        if (stopRequested(trial)) {
            return new StopDecision(true);
        }
        if (trial.confirmation()) {
            // A confirmation run measures a result at the full budget: it is never stopped early nor a peer.
            return new StopDecision(false);
        }
        StudySpec spec = catalog.spec(status(trial.studyId()));
        EarlyStopper stopper = stoppers.computeIfAbsent(trial.studyId(), id -> StoppingRules.of(spec));
        if (stopper.pastFirstRung(reported) && reachedRungAndFellBehind(stopper, spec, trialId)) {
            requestStop(trialId, TrialState.PRUNED);
            return new StopDecision(true);
        }
        return new StopDecision(false);
    }

    /**
     * Keeps the trial's scores at the rungs its latest measurement reached, and judges it at the highest against
     * the other trials' scores there. Reads the trial's own measurements and one rung's scores, never the study's
     * history, so a report costs the same in a study's ten-thousandth trial as in its first.
     */
    private boolean reachedRungAndFellBehind(EarlyStopper stopper, StudySpec spec, long trialId) {
        Trial measured = store.find(trialId).orElseThrow().inCanonicalTypes(spec.searchSpace());
        int[] reached = stopper.rungsReached(measured.measurements());
        Optional<double[]> own = Optional.empty();
        for (int rung : reached) {
            own = stopper.losses(measured, rung);
            own.ifPresent(losses -> rungScores.add(measured, rung, losses));
        }
        if (own.isEmpty()) {
            return false;
        }
        int rung = reached[reached.length - 1];
        List<double[]> others = rungScores.at(measured.studyId(), rung, trialId,
                stopper.comparesWithCompletedTrialsOnly(), stopper.objectives());
        return stopper.shouldStop(measured.lastMeasurement().orElseThrow(), own.get(), others);
    }

    StopDecision heartbeat(long trialId, Heartbeat request) {
        Trial trial = trial(trialId);
        if (!runningFor(trial, request == null ? null : request.workerId())) {
            return new StopDecision(true);
        }
        store.heartbeat(trial, now());
        return new StopDecision(stopRequested(trial));
    }

    /**
     * Ends a running trial with what its worker reported: FAILED when it says so, else the state it was told to stop
     * in, else COMPLETE. A trial stopped early keeps its last measurement's metrics as its result, with the final
     * metrics the worker sent on top. A repeated completion with the same content answers as the first did.
     *
     * @throws ApiException.Conflict when the trial already ended otherwise, or another worker holds it
     */
    TrialView complete(long trialId, Completion request) {
        Map<String, Double> metrics = request.metrics() == null ? Map.of() : request.metrics();
        requireFiniteMetrics(metrics);
        String reason = request.reportsFailure()
                ? (request.reason() == null || request.reason().isBlank() ? "failed" : request.reason()) : null;
        for (Trial trial = trial(trialId); ; trial = trial(trialId)) {
            TrialState end = request.reportsFailure() ? TrialState.FAILED
                    : trial.stopRequested() != null ? trial.stopRequested() : TrialState.COMPLETE;
            if (end == TrialState.COMPLETE && metrics.isEmpty()) {
                throw ApiException.InvalidRequest.of("metrics", "a completed trial needs at least one metric; "
                        + "send {\"failed\": true, \"reason\": \"...\"} when it produced none");
            }
            if (trial.state() != TrialState.RUNNING) {
                return unchangedOrConflict(endingAs(trial, end), end, metrics, reason);
            }
            if (request.workerId() != null && !request.workerId().equals(trial.workerId())) {
                throw new ApiException.Conflict("Trial " + trialId + " is held by another worker.");
            }
            trial = endingAs(trial, end);
            Trial ended = trial.finish(end, metrics, reason, now());
            if (store.update(trial, ended)) {
                lifecycle.completeIfDone(trial.studyId());
                events.publishEvent(new TrialEnded(trial.studyId(), trialId));
                return mapper.trial(ended);
            }
        }
    }

    /**
     * The holding worker hands a RUNNING trial back: it waits for the next worker, its measurements kept (its next
     * run is the next attempt), or, when the worker had been told to stop it, it ends as it was going to.
     *
     * @throws ApiException.Conflict when the trial is not running or another worker holds it
     */
    TrialView release(long trialId, String workerId) {
        for (Trial trial = trial(trialId); ; trial = trial(trialId)) {
            if (trial.state() != TrialState.RUNNING) {
                throw new ApiException.Conflict(trial.isFinished()
                        ? "Trial " + trialId + " already ended " + trial.state() + "; there is nothing to hand back."
                        : "Trial " + trialId + " is " + trial.state() + ", not held by worker " + workerId + ".");
            }
            if (!workerId.equals(trial.workerId())) {
                throw new ApiException.Conflict("Trial " + trialId + " is held by another worker.");
            }
            Trial before = trial.stopRequested() == null ? trial : endingAs(trial, trial.stopRequested());
            Trial after = before.stopRequested() == null ? before.requeue()
                    : before.finish(before.stopRequested(), Map.of(), null, now());
            if (store.update(before, after)) {
                if (after.state() == TrialState.WAITING) {
                    waiting.forget(trial.studyId());
                } else {
                    lifecycle.completeIfDone(trial.studyId());
                    events.publishEvent(new TrialEnded(trial.studyId(), trialId));
                }
                return mapper.trial(after);
            }
        }
    }

    private TrialView unchangedOrConflict(Trial trial, TrialState end, Map<String, Double> metrics,
                                                 String reason) {
        if (trial.state() == end && Objects.equals(trial.metrics(), trial.keptOnEnding(end, metrics))
                && Objects.equals(trial.failureReason(), reason)) {
            return mapper.trial(trial);
        }
        throw new ApiException.Conflict(trial.isFinished()
                ? "Trial " + trial.id() + " already ended " + trial.state() + "; a finished trial cannot change."
                : "Trial " + trial.id() + " is " + trial.state() + ", not running: its worker fell silent and it "
                        + "was taken back.");
    }

    /** The trial, without measurements: what a report needs to decide. */
    private Trial trial(long trialId) {
        return store.find(trialId, false)
                .orElseThrow(() -> new ApiException.NotFound("Trial " + trialId + " does not exist."));
    }

    /** The trial as read, with its measurements when it is about to end early and keeps the last one. */
    private Trial endingAs(Trial trial, TrialState end) {
        boolean early = end == TrialState.PRUNED || end == TrialState.STOPPED;
        return early ? store.find(trial.id()).orElseThrow() : trial;
    }

    private StudyStatus status(long studyId) {
        return statuses.find(studyId).orElseThrow();
    }

    /**
     * A measurement is also a sign of life, written as one only when the last is older than a tenth of the study's
     * heartbeat timeout: a trial reporting many steps a second would otherwise rewrite its row (and, on the embedded
     * database, a chunk of the file) with every report, while the reaper needs no finer time than that.
     */
    private boolean heartbeatDue(Trial trial, Instant now) {
        Duration timeout = catalog.spec(status(trial.studyId())).trialSettings().heartbeatTimeout();
        return trial.heartbeatAt() == null || !trial.heartbeatAt().plus(timeout.dividedBy(10)).isAfter(now);
    }

    /** Held by {@code workerId}, or by anyone when the worker does not say who it is. */
    private static boolean runningFor(Trial trial, String workerId) {
        return trial.state() == TrialState.RUNNING && (workerId == null || workerId.equals(trial.workerId()));
    }

    /**
     * True when the trial was told to stop, or it is a search trial whose study ended since it started (confirmation
     * runs are what runs after the end).
     */
    private boolean stopRequested(Trial trial) {
        if (trial.stopRequested() != null) {
            return true;
        }
        if (trial.confirmation()) {
            return false;
        }
        StudyStatus study = status(trial.studyId());
        if (lifecycle.endIfOverdue(study) || study.state().finished()) {
            requestStop(trial.id(), TrialState.STOPPED);
            return true;
        }
        return false;
    }

    /** Tells the trial's worker to stop, unless it was told already or the trial no longer runs. */
    private void requestStop(long trialId, TrialState end) {
        for (Trial trial = trial(trialId); trial.state() == TrialState.RUNNING && trial.stopRequested() == null;
             trial = trial(trialId)) {
            if (store.update(trial, trial.requestStop(end))) {
                return;
            }
        }
    }

    /** Now, to the microsecond the databases keep, so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireFiniteMetrics(Map<String, Double> metrics) {
        List<FieldError> problems = new ArrayList<>();
        metrics.forEach((name, value) -> {
            if (name.isBlank()) {
                problems.add(new FieldError("metrics", "metric names must not be blank"));
            } else if (value == null || !Double.isFinite(value)) {
                problems.add(new FieldError("metrics." + name, "must be a finite number, got " + value));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException.InvalidRequest("The metrics are invalid.", problems);
        }
    }
}
