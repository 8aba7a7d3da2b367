package dev.hpo.bench.optimizer.fidelity;

import java.util.Map;
import java.util.Optional;

/**
 * A study as its one worker sees it: suggestions to train, a measurement after every step with the answer whether
 * to stop, and the trial's end. A study behind the search API ({@link RestStudy}) and one run in this process
 * ({@link LocalStudy}) answer the same calls, so {@link EpochWorker} spends and counts the budget the same way for
 * both.
 */
public interface Study {

    /** The next trial to train, or empty when the study has nothing more to give. */
    Optional<Suggested> suggest();

    /**
     * Reports the trial's metric after {@code step} steps.
     *
     * @return true when the trial should stop now
     */
    boolean measure(Suggested trial, long step, double value);

    /**
     * Ends the trial with its last measured value: it completed when it trained to the end, and ends as it was told
     * when it was told to stop.
     */
    void complete(Suggested trial, double value);

    /** Ends the study: the budget is spent. A trial still training is stopped, its last measurement standing. */
    void end();

    /**
     * A trial handed to the worker.
     *
     * @param id the study's handle of the trial
     * @param parameters its configuration by parameter name
     */
    record Suggested(long id, Map<String, Object> parameters) {

        public Suggested {
            parameters = Map.copyOf(parameters);
        }
    }
}
