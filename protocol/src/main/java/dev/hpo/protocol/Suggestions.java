package dev.hpo.protocol;

import java.util.List;

/**
 * The answer to {@link Suggest}.
 *
 * @param trials trials to run now; empty when nothing can run at the moment
 * @param studyDone true once the study ended: no trial will ever be handed out again
 */
public record Suggestions(List<Suggestion> trials, boolean studyDone) {
}
