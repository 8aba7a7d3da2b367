package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.error.FieldProblem;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyLifecycle;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.optimizer.StudyHistory;
import dev.hpo.optimizer.pruning.Pruner;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * What workers report about the trials they hold: measurements, heartbeats and completions. Each answer tells
 * the worker whether to stop: its study ended, early stopping pruned the trial, or the trial is no longer its.
 */
@Service
class TrialReports {

    private final StudyRepository studies;
    private final TrialRepository trials;
    private final TrialRows rows;
    private final MeasurementRepository measurements;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final HistoryLoader history;
    private final JsonColumns columns;
    private final TrialMapper mapper;
    private final WaitingTrials waiting;
    private final Clock clock;
    private final Map<Long, Pruner> pruners = new ConcurrentHashMap<>();

    TrialReports(StudyRepository studies, TrialRepository trials, TrialRows rows, MeasurementRepository measurements,
                 StudyCatalog catalog, StudyLifecycle lifecycle, HistoryLoader history,
                 JsonColumns columns, TrialMapper mapper, WaitingTrials waiting, Clock clock) {
        this.studies = studies;
        this.trials = trials;
        this.rows = rows;
        this.measurements = measurements;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.history = history;
        this.columns = columns;
        this.mapper = mapper;
        this.waiting = waiting;
        this.clock = clock;
    }

    TrialViews.StopDecision measure(long trialId, WorkerRequests.Measure request) {
        requireFiniteMetrics(request.metrics());
        TrialRow trial = row(trialId);
        if (!trial.runningFor(request.workerId())) {
            return new TrialViews.StopDecision(true);
        }
        if (!measurements.existsByTrialIdAndAttemptAndStep(trialId, trial.attempts(), request.step())) {
            try {
                measurements.save(new MeasurementEntity(trialId, trial.attempts(), request.step(),
                        request.elapsedSeconds(), columns.write(request.metrics()), clock.instant()));
            } catch (DataIntegrityViolationException sameStepReportedTwice) {
                // A retried request raced its first delivery; the first copy is kept.
            }
        }
        trials.heartbeat(trialId, clock.instant());
        if (stopRequested(trial)) {
            return new TrialViews.StopDecision(true);
        }
        StudyEntity study = studies.findById(trial.studyId()).orElseThrow();
        StudySpec spec = catalog.spec(study);
        Pruner pruner = pruners.computeIfAbsent(study.getId(),
                id -> Pruner.of(spec.algorithm().earlyStopping(), spec.trialSettings().timeCap()));
        if (pruner != Pruner.NEVER) {
            StudyHistory known = history.load(study.getId(), spec);
            Trial measured = known.trials().stream().filter(r -> r.number() == trial.number())
                    .findFirst().orElseThrow();
            if (pruner.shouldPrune(known.trials(), measured)) {
                trials.requestStop(trialId, TrialState.PRUNED);
                return new TrialViews.StopDecision(true);
            }
        }
        return new TrialViews.StopDecision(false);
    }

    TrialViews.StopDecision heartbeat(long trialId, WorkerRequests.Heartbeat request) {
        TrialRow trial = row(trialId);
        if (!trial.runningFor(request == null ? null : request.workerId())) {
            return new TrialViews.StopDecision(true);
        }
        trials.heartbeat(trialId, clock.instant());
        return new TrialViews.StopDecision(stopRequested(trial));
    }

    TrialViews.Trial complete(long trialId, WorkerRequests.Complete request) {
        Map<String, Double> metrics = request.metrics() == null ? Map.of() : request.metrics();
        requireFiniteMetrics(metrics);
        TrialRow trial = row(trialId);
        TrialState end = request.isFailed() ? TrialState.FAILED
                : trial.stopReason() != null ? trial.stopReason() : TrialState.COMPLETE;
        if (end == TrialState.COMPLETE && metrics.isEmpty()) {
            throw ApiException.InvalidRequest.of("metrics", "a completed trial needs at least one metric; "
                    + "send {\"failed\": true, \"reason\": \"...\"} when it produced none");
        }
        String reason = request.isFailed()
                ? (request.reason() == null || request.reason().isBlank() ? "failed" : request.reason()) : null;
        if (trial.state() == TrialState.RUNNING) {
            if (request.workerId() != null && !request.workerId().equals(trial.workerId())) {
                throw new ApiException.Conflict("Trial " + trialId + " is held by another worker.");
            }
            String metricsJson = metrics.isEmpty() ? null : columns.write(metrics);
            // Microseconds, as both databases store it, so the answer shows what a later read shows.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (rows.finish(trialId, end, metricsJson, reason, now)) {
                lifecycle.completeIfDone(trial.studyId());
                return mapper.trial(trial.finished(end, metricsJson, reason, now));
            }
            trial = row(trialId);
        }
        if (trial.state().isFinished() && trial.state() == end
                && Objects.equals(columns.metrics(trial.metricsJson()), metrics)
                && Objects.equals(trial.failureReason(), reason)) {
            return mapper.trial(trial);
        }
        throw new ApiException.Conflict(trial.state().isFinished()
                ? "Trial " + trialId + " already ended " + trial.state() + "; a finished trial cannot change."
                : "Trial " + trialId + " is " + trial.state() + ", not running: its worker fell silent and it "
                        + "was taken back.");
    }

    /**
     * The holding worker hands a RUNNING trial back: it waits for the next worker, its measurements kept (its next
     * run is the next attempt), or, when the worker had been told to stop it, it ends as it was going to.
     *
     * @throws ApiException.Conflict when the trial is not running or another worker holds it
     */
    TrialViews.Trial release(long trialId, String workerId) {
        TrialRow trial = row(trialId);
        if (trial.state() == TrialState.RUNNING && !workerId.equals(trial.workerId())) {
            throw new ApiException.Conflict("Trial " + trialId + " is held by another worker.");
        }
        if (trials.release(trialId, workerId) == 1) {
            waiting.forget(trial.studyId());
        } else if (trials.releaseStopped(trialId, workerId, clock.instant()) == 1) {
            lifecycle.completeIfDone(trial.studyId());
        } else {
            TrialRow now = row(trialId);
            throw new ApiException.Conflict(now.state().isFinished()
                    ? "Trial " + trialId + " already ended " + now.state() + "; there is nothing to hand back."
                    : "Trial " + trialId + " is " + now.state() + ", not held by worker " + workerId + ".");
        }
        return mapper.trial(row(trialId));
    }

    private TrialRow row(long trialId) {
        return rows.find(trialId)
                .orElseThrow(() -> new ApiException.NotFound("Trial " + trialId + " does not exist."));
    }

    /** True when the trial was told to stop, or its study ended since it started. */
    private boolean stopRequested(TrialRow trial) {
        if (trial.stopReason() != null) {
            return true;
        }
        StudyEntity study = studies.findById(trial.studyId()).orElseThrow();
        if (lifecycle.endIfOverdue(study) || study.getState().finished()) {
            trials.requestStop(trial.id(), TrialState.STOPPED);
            return true;
        }
        return false;
    }

    private static void requireFiniteMetrics(Map<String, Double> metrics) {
        List<FieldProblem> problems = new ArrayList<>();
        metrics.forEach((name, value) -> {
            if (name.isBlank()) {
                problems.add(new FieldProblem("metrics", "metric names must not be blank"));
            } else if (value == null || !Double.isFinite(value)) {
                problems.add(new FieldProblem("metrics." + name, "must be a finite number, got " + value));
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException.InvalidRequest("The metrics are invalid.", problems);
        }
    }
}
