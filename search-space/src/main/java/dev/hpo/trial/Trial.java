package dev.hpo.trial;

import dev.hpo.space.Configuration;
import dev.hpo.space.SearchSpace;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of one configuration of a study, as stored: the single trial value the whole system reads. The trial
 * store returns it, the search algorithms and early-stopping rules decide from it, the API and the dashboard show
 * it. It never changes; a new state is a new value written by the trial store, which checks
 * {@link TrialState#canMoveTo} on every transition.
 *
 * @param id unique across studies, assigned by the store (benchmarks that never store trials use the number)
 * @param studyId the study it belongs to
 * @param number its position in the study, from 0, in creation order
 * @param configKey the number of the first trial of its configuration, shared by all repeats of it
 * @param repeat which repeat of its configuration, from 0: repeat {@code r} trains on the {@code r}-th subset
 * @param enqueued true when a user asked for this configuration (a baseline, say) instead of the search
 * @param confirmation true for a confirmation run: the configuration of trial {@code configKey} trained again on a
 *        fresh subset after the search ended, its {@code repeat} the run's index; kept out of the search and its
 *        ranking
 * @param parameters the configuration it runs, in the search space's canonical types
 * @param state where it is in its life
 * @param stopRequested PRUNED or STOPPED once its worker has been told to stop: the state it will end in;
 *        null otherwise
 * @param workerId the worker holding it while it runs, and the last one that held it afterwards; null before
 * @param engine what trained its latest attempt as its worker named it ({@code dl4j}, {@code pytorch}); null before a
 *        worker took it, or when the worker runs the user's own trial command and does not say
 * @param attempts runs started so far; a requeued trial's next run is attempt {@code attempts + 1}
 * @param metrics the final metrics it ended with; empty until then, and for trials that ended without any
 * @param failureReason why it failed, or why it ended without its worker; null otherwise
 * @param measurements what its latest attempt reported, in step order
 * @param createdAt when it was created
 * @param startedAt when its latest attempt started; null before the first
 * @param finishedAt when it ended; null before
 * @param heartbeatAt its worker's last sign of life while it runs; null when no worker holds it
 */
public record Trial(long id, long studyId, long number, long configKey, int repeat, boolean enqueued,
                    boolean confirmation, Configuration parameters, TrialState state, TrialState stopRequested,
                    String workerId, String engine, int attempts, Map<String, Double> metrics, String failureReason,
                    List<Measurement> measurements, Instant createdAt, Instant startedAt, Instant finishedAt,
                    Instant heartbeatAt) {

    public Trial {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (number < 0 || configKey < 0 || configKey > number) {
            throw new IllegalArgumentException("a trial's number must be >= 0 and its configKey between 0 and it, got "
                    + number + " and " + configKey);
        }
        if (repeat < 0 || attempts < 0) {
            throw new IllegalArgumentException("repeat and attempts must be >= 0, got " + repeat + " and " + attempts);
        }
        if (stopRequested != null && stopRequested != TrialState.PRUNED && stopRequested != TrialState.STOPPED) {
            throw new IllegalArgumentException("a stop is requested as PRUNED or STOPPED, not " + stopRequested);
        }
        // In the order reported, which the API and CSV export keep.
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        measurements = List.copyOf(measurements);
    }

    /**
     * A trial that has just been created and waits for a worker.
     *
     * @param configKey the number of the first trial of its configuration
     */
    public static Trial waiting(long studyId, long number, long configKey, int repeat, boolean enqueued,
                                Configuration parameters, Instant createdAt) {
        return new Trial(0, studyId, number, configKey, repeat, enqueued, false, parameters, TrialState.WAITING, null,
                null, null, 0, Map.of(), null, List.of(), createdAt, null, null, null);
    }

    /**
     * A confirmation run that has just been created and waits for a worker.
     *
     * @param configKey the configuration key of the search trials it confirms
     * @param run which confirmation run of that configuration, from 0
     */
    public static Trial confirmationWaiting(long studyId, long number, long configKey, int run,
                                            Configuration parameters, Instant createdAt) {
        return new Trial(0, studyId, number, configKey, run, false, true, parameters, TrialState.WAITING, null, null,
                null, 0, Map.of(), null, List.of(), createdAt, null, null, null);
    }

    /**
     * A trial that ran outside any store, as benchmarks and tests drive the optimizer: its number serves as id and
     * configuration key, and its times are all {@code at}.
     *
     * @param metrics its final metrics (empty when it has none)
     * @param measurements what it reported while running
     */
    public static Trial of(long number, Configuration parameters, TrialState state, Map<String, Double> metrics,
                           List<Measurement> measurements, boolean enqueued, Instant at) {
        boolean started = state != TrialState.WAITING;
        return new Trial(number, 0, number, number, 0, enqueued, false, parameters, state, null, null, null,
                started ? 1 : 0, metrics, null, measurements, at, started ? at : null, state.isFinished() ? at : null,
                null);
    }

    /** A trial that ran outside any store and completed with {@code metrics}. */
    public static Trial completed(long number, Configuration parameters, Map<String, Double> metrics) {
        return of(number, parameters, TrialState.COMPLETE, metrics, List.of(), false, Instant.EPOCH);
    }

    /** A trial that has been proposed outside any store and not finished yet. */
    public static Trial pending(long number, Configuration parameters) {
        return of(number, parameters, TrialState.RUNNING, Map.of(), List.of(), false, Instant.EPOCH);
    }

    public boolean isFinished() {
        return state.isFinished();
    }

    /** The last measurement of its latest attempt, if it reported any. */
    public Optional<Measurement> lastMeasurement() {
        return measurements.isEmpty() ? Optional.empty() : Optional.of(measurements.get(measurements.size() - 1));
    }

    /**
     * What the trial achieved: its final metrics when it completed or failed; for a trial stopped early (PRUNED or
     * STOPPED), its last measurement's metrics with any final metrics on top, values of training cut short; empty
     * while it waits or runs.
     */
    public Map<String, Double> result() {
        return state.isFinished() ? keptOnEnding(state, metrics) : Map.of();
    }

    /**
     * This trial claimed by a worker: its next attempt starts now, with no measurements yet.
     *
     * @param trainedBy the engine the worker trains with, or null when it does not say
     * @throws IllegalTrialTransitionException unless it is WAITING
     */
    public Trial claim(String worker, String trainedBy, Instant at) {
        Objects.requireNonNull(worker, "worker");
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, parameters,
                state.moveTo(TrialState.RUNNING), null, worker, trainedBy, attempts + 1, metrics, failureReason,
                List.of(), createdAt, at, finishedAt, at);
    }

    /**
     * This trial ended: COMPLETE or FAILED as its worker reported, PRUNED or STOPPED when it was told to stop.
     *
     * @param results its final metrics (may be empty when it ended without any)
     * @param reason why it failed or ended without its worker; null otherwise
     * @throws IllegalTrialTransitionException unless it is RUNNING and {@code end} is a finished state
     */
    public Trial finish(TrialState end, Map<String, Double> results, String reason, Instant at) {
        if (!end.isFinished()) {
            throw new IllegalTrialTransitionException(state, end);
        }
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, parameters,
                state.moveTo(end), stopRequested, workerId, engine, attempts, keptOnEnding(end, results), reason,
                measurements,
                createdAt, startedAt, at, heartbeatAt);
    }

    /**
     * The metrics this trial keeps when it ends as {@code end} with {@code reported} final metrics: those, and for
     * a trial stopped early (PRUNED or STOPPED) its last measurement's metrics beneath them, so that what it
     * achieved can be read without its measurements.
     */
    public Map<String, Double> keptOnEnding(TrialState end, Map<String, Double> reported) {
        if (end != TrialState.PRUNED && end != TrialState.STOPPED) {
            return reported;
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        lastMeasurement().ifPresent(m -> kept.putAll(m.metrics()));
        kept.putAll(reported);
        return kept;
    }

    /**
     * This trial taken back from its worker (handed back, or its worker fell silent): it waits for the next worker,
     * whose run is its next attempt. A requeued trial's earlier measurements stay stored.
     *
     * @throws IllegalTrialTransitionException unless it is RUNNING
     */
    public Trial requeue() {
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, parameters,
                state.moveTo(TrialState.WAITING), null, null, engine, attempts, metrics, failureReason, List.of(),
                createdAt, startedAt, finishedAt, null);
    }

    /**
     * This running trial with its worker told to stop; it will end as {@code end}.
     *
     * @throws IllegalTrialTransitionException unless it is RUNNING
     * @throws IllegalArgumentException unless {@code end} is PRUNED or STOPPED
     */
    public Trial requestStop(TrialState end) {
        if (state != TrialState.RUNNING) {
            throw new IllegalTrialTransitionException(state, end);
        }
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, parameters, state, end,
                workerId, engine, attempts, metrics, failureReason, measurements, createdAt, startedAt, finishedAt,
                heartbeatAt);
    }

    /**
     * This waiting trial stopped before any worker took it, because its study ended.
     *
     * @throws IllegalTrialTransitionException unless it is WAITING
     */
    public Trial stopWaiting(Instant at) {
        if (state != TrialState.WAITING) {
            throw new IllegalTrialTransitionException(state, TrialState.STOPPED);
        }
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, parameters,
                TrialState.STOPPED, null, workerId, engine, attempts, metrics, failureReason, List.of(), createdAt,
                startedAt, at, null);
    }

    /** This trial with the id its store gave it. */
    public Trial withId(long storedId) {
        return new Trial(storedId, studyId, number, configKey, repeat, enqueued, confirmation, parameters, state,
                stopRequested, workerId, engine, attempts, metrics, failureReason, measurements, createdAt,
                startedAt, finishedAt,
                heartbeatAt);
    }

    /**
     * This trial with its parameters in the space's canonical types (Double, Long, declared values), as the search
     * compares configurations; a trial read from storage holds them as they were written.
     *
     * @throws dev.hpo.space.InvalidConfigurationException when they do not fit the space
     */
    public Trial inCanonicalTypes(SearchSpace space) {
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, space.canonical(parameters),
                state,
                stopRequested, workerId, engine, attempts, metrics, failureReason, measurements, createdAt,
                startedAt, finishedAt, heartbeatAt);
    }

    /** This trial with the measurements of its latest attempt replaced. */
    public Trial withMeasurements(List<Measurement> latestAttempt) {
        return new Trial(id, studyId, number, configKey, repeat, enqueued, confirmation, parameters, state,
                stopRequested, workerId, engine, attempts, metrics, failureReason, latestAttempt, createdAt,
                startedAt, finishedAt,
                heartbeatAt);
    }
}
