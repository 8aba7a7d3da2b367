package dev.hpo.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.study.Durations;
import dev.hpo.study.Fidelity;
import java.time.Duration;
import java.util.Map;

/**
 * A trial handed to a worker, with everything needed to run it. A worker hands it on, as JSON on standard input,
 * to the process that trains it.
 *
 * @param id the trial's id, used in every later report
 * @param repeat which repeat of its configuration: repeats train on distinct data subsets
 * @param attempt 1 for the first run, higher after a lost worker's trial was requeued
 * @param confirmation true for a confirmation run: {@code repeat} is then the run's index, and the trial trains on a
 *        fresh subset and is scored on images the search never used (see {@code TrialPlans.confirmation})
 * @param seed the study's seed, from which the data subset of each repeat is drawn
 * @param timeCapSeconds the wall-clock cap of the whole trial
 * @param heartbeatTimeoutSeconds a trial silent this long is taken from its worker
 * @param fidelity the trial's budget and what it is counted in: {@code {"unit": "STEPS", "max": 52}} asks for 52
 *        steps as the measurements' {@code step} counts them; in {@code SECONDS} the budget is the time cap
 * @param trialSettings the study's trial settings as written in its spec
 * @param keepArtifacts whether the study keeps this trial's trained network: the trial should save it and the worker
 *        upload it before completing the trial (false for a confirmation run, and from a service that keeps none)
 */
public record Suggestion(long id, long studyId, long number, long configKey, int repeat, int attempt,
                         boolean confirmation, Map<String, Object> parameters, long seed, double timeCapSeconds,
                         double heartbeatTimeoutSeconds, Fidelity fidelity, JsonNode trialSettings,
                         boolean keepArtifacts) {

    /** How long training and evaluation may take. */
    public Duration timeCap() {
        return Durations.ofSeconds(timeCapSeconds);
    }

    /** How long the API waits for a sign of life before it takes the trial back. */
    public Duration heartbeatTimeout() {
        return Durations.ofSeconds(heartbeatTimeoutSeconds);
    }
}
