package dev.hpo.api.artifact;

import java.time.Instant;

/**
 * A row of the artifact store: a file kept of a trial.
 *
 * @param id the file's name on disk, within its trial's folder
 * @param trialNumber the trial's number in its study
 * @param stored false for a reference an import brought without the file
 */
record StoredArtifact(long id, long trialId, long trialNumber, String name, long sizeBytes, String sha256,
                      Instant createdAt, boolean stored) {
}
