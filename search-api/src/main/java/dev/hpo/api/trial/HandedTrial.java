package dev.hpo.api.trial;

/**
 * The fields of a trial row a suggestion carries: what a worker needs besides its study's settings.
 *
 * @param repeat which repeat of its configuration
 * @param attempt the run this hand-out starts or continues, from 1
 * @param parametersJson the stored configuration, exactly as written
 */
record HandedTrial(long id, long studyId, long number, long configKey, int repeat, int attempt,
                   String parametersJson) {
}
