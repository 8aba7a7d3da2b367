package dev.hpo.runner.engine;

import dev.hpo.runner.data.TrialData;
import dev.hpo.trial.TrialPlan;

/**
 * Trains one trial: a network, its data and its training options in; measurements and a result out.
 *
 * <p>Implementations keep their framework's types to themselves, so the worker, the API and the cost model never
 * depend on one. They are found by {@link #name()} through {@link TrainingEngines}.
 */
public interface TrainingEngine {

    /** The name users pick the engine by and the result reports, e.g. {@code dl4j}. */
    String name();

    /**
     * The settings that create this engine again in a trial process without searching for anything it found
     * (an interpreter, say): what a worker hands each trial process it starts.
     */
    default EngineSettings forTrialProcesses(EngineSettings asked) {
        return asked;
    }

    /**
     * Trains and evaluates within {@code plan.timeCap()}, counted from the call. Callers that read the data first
     * should start a {@link TrialClock} before reading it and use the other overload, so the cap counts the reading.
     */
    default TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener) {
        return train(plan, data, listener, TrialClock.startNow());
    }

    /**
     * Trains and evaluates so that the whole trial, counted from {@code clock}'s start, ends within
     * {@code plan.timeCap()} (by a second or two more only when the machine slows down mid-evaluation); when little
     * time is left the evaluation covers only part of the validation set (the result says how much). When a slow
     * last step leaves no time to evaluate at all, a trial that was measured after an epoch still ends
     * {@link TrialStatus#COMPLETE}, with that measurement's accuracy ({@link TrialResult#scoredAtStep()} says so).
     *
     * <p>Never throws for what happens during training: divergence ends the trial as
     * {@link TrialStatus#FAILED} with the reason, a listener's stop as {@link TrialStatus#STOPPED}.
     *
     * @param listener told of every measurement, and asked whether to go on
     * @throws IllegalArgumentException when the data does not fit the plan (shape or class count)
     */
    TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock);

    /** Whether {@link #train(TrialPlan, TrialData, TrainingListener, TrialClock, NetworkExport)} saves networks. */
    default boolean savesNetworks() {
        return false;
    }

    /**
     * Trains as {@link #train(TrialPlan, TrialData, TrainingListener, TrialClock)} does and, when the trial completes
     * and {@link #savesNetworks()}, saves the trained network as {@code export} asks. An engine that cannot save
     * trains without saving. Saving follows the final evaluation, within the worker's grace past the cap; a network
     * that cannot be written leaves no file and does not fail the trial.
     */
    default TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock,
                              NetworkExport export) {
        return train(plan, data, listener, clock);
    }
}
