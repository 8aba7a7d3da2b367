package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.error.FieldProblem;
import dev.hpo.api.optimizer.Pruner;
import dev.hpo.api.optimizer.PrunerFactory;
import dev.hpo.api.optimizer.StudyHistory;
import dev.hpo.api.optimizer.TrialRecord;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyLifecycle;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.TrialState;
import java.time.Clock;
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
    private final MeasurementRepository measurements;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final PrunerFactory prunerFactory;
    private final HistoryLoader history;
    private final JsonColumns columns;
    private final TrialMapper mapper;
    private final Clock clock;
    private final Map<Long, Pruner> pruners = new ConcurrentHashMap<>();

    TrialReports(StudyRepository studies, TrialRepository trials, MeasurementRepository measurements,
                 StudyCatalog catalog, StudyLifecycle lifecycle, PrunerFactory prunerFactory, HistoryLoader history,
                 JsonColumns columns, TrialMapper mapper, Clock clock) {
        this.studies = studies;
        this.trials = trials;
        this.measurements = measurements;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.prunerFactory = prunerFactory;
        this.history = history;
        this.columns = columns;
        this.mapper = mapper;
        this.clock = clock;
    }

    TrialViews.StopDecision measure(long trialId, WorkerRequests.Measure request) {
        requireFiniteMetrics(request.metrics());
        TrialEntity trial = find(trialId);
        if (!heldBy(trial, request.workerId())) {
            return new TrialViews.StopDecision(true);
        }
        if (!measurements.existsByTrialIdAndAttemptAndStep(trialId, trial.getAttempts(), request.step())) {
            try {
                measurements.save(new MeasurementEntity(trialId, trial.getAttempts(), request.step(),
                        request.elapsedSeconds(), columns.write(request.metrics()), clock.instant()));
            } catch (DataIntegrityViolationException sameStepReportedTwice) {
                // A retried request raced its first delivery; the first copy is kept.
            }
        }
        trials.heartbeat(trialId, clock.instant());
        if (stopRequested(trial)) {
            return new TrialViews.StopDecision(true);
        }
        StudyEntity study = studies.findById(trial.getStudyId()).orElseThrow();
        StudySpec spec = catalog.spec(study);
        Pruner pruner = pruners.computeIfAbsent(study.getId(), id -> prunerFactory.create(spec));
        if (pruner != Pruner.NEVER) {
            StudyHistory known = history.load(study.getId(), spec);
            TrialRecord record = known.trials().stream().filter(r -> r.number() == trial.getNumber())
                    .findFirst().orElseThrow();
            if (pruner.shouldPrune(known, record)) {
                trials.requestStop(trialId, TrialState.PRUNED);
                return new TrialViews.StopDecision(true);
            }
        }
        return new TrialViews.StopDecision(false);
    }

    TrialViews.StopDecision heartbeat(long trialId, WorkerRequests.Heartbeat request) {
        TrialEntity trial = find(trialId);
        if (!heldBy(trial, request == null ? null : request.workerId())) {
            return new TrialViews.StopDecision(true);
        }
        trials.heartbeat(trialId, clock.instant());
        return new TrialViews.StopDecision(stopRequested(trial));
    }

    TrialViews.Trial complete(long trialId, WorkerRequests.Complete request) {
        Map<String, Double> metrics = request.metrics() == null ? Map.of() : request.metrics();
        requireFiniteMetrics(metrics);
        TrialEntity trial = find(trialId);
        TrialState end = request.isFailed() ? TrialState.FAILED
                : trial.getStopReason() != null ? trial.getStopReason() : TrialState.COMPLETE;
        if (end == TrialState.COMPLETE && metrics.isEmpty()) {
            throw ApiException.InvalidRequest.of("metrics", "a completed trial needs at least one metric; "
                    + "send {\"failed\": true, \"reason\": \"...\"} when it produced none");
        }
        String reason = request.isFailed()
                ? (request.reason() == null || request.reason().isBlank() ? "failed" : request.reason()) : null;
        if (trial.getState() == TrialState.RUNNING) {
            if (request.workerId() != null && !request.workerId().equals(trial.getWorkerId())) {
                throw new ApiException.Conflict("Trial " + trialId + " is held by another worker.");
            }
            if (trials.finish(trialId, end, metrics.isEmpty() ? null : columns.write(metrics), reason,
                    clock.instant()) == 1) {
                lifecycle.completeIfDone(trial.getStudyId());
                return mapper.trial(trials.findById(trialId).orElseThrow(), null);
            }
            trial = find(trialId);
        }
        if (trial.getState().isFinished() && trial.getState() == end
                && Objects.equals(columns.metrics(trial.getMetricsJson()), metrics)
                && Objects.equals(trial.getFailureReason(), reason)) {
            return mapper.trial(trial, null);
        }
        throw new ApiException.Conflict(trial.getState().isFinished()
                ? "Trial " + trialId + " already ended " + trial.getState() + "; a finished trial cannot change."
                : "Trial " + trialId + " is " + trial.getState() + ", not running: its worker fell silent and it "
                        + "was taken back.");
    }

    private TrialEntity find(long trialId) {
        return trials.findById(trialId)
                .orElseThrow(() -> new ApiException.NotFound("Trial " + trialId + " does not exist."));
    }

    /** A trial the worker no longer holds (finished, requeued, or handed to another worker) must stop. */
    private static boolean heldBy(TrialEntity trial, String workerId) {
        return trial.getState() == TrialState.RUNNING && (workerId == null || workerId.equals(trial.getWorkerId()));
    }

    /** True when the trial was told to stop, or its study ended since it started. */
    private boolean stopRequested(TrialEntity trial) {
        if (trial.getStopReason() != null) {
            return true;
        }
        StudyEntity study = studies.findById(trial.getStudyId()).orElseThrow();
        if (lifecycle.endIfOverdue(study) || study.getState().finished()) {
            trials.requestStop(trial.getId(), TrialState.STOPPED);
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
