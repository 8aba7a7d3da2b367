package dev.hpo.runner.client;

import java.util.List;

/**
 * The API's answer to a request for work.
 *
 * @param trials trials to run now; empty when nothing can run at the moment
 * @param studyDone the study will hand out no more trials (budget spent or stopped)
 */
public record Suggestions(List<SuggestedTrial> trials, boolean studyDone) {

    public Suggestions {
        trials = List.copyOf(trials);
    }
}
