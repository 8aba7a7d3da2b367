package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A file kept of a trial, such as its trained network, named in a {@link StudyArchive} without its bytes: enough
 * to tell which file it is and to check a copy of it.
 *
 * @param trialNumber the number of the trial it belongs to, which the archive holds
 * @param name its file name, without folders
 * @param sizeBytes its length
 * @param sha256 the SHA-256 of its bytes, 64 lowercase hex digits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactReference(Long trialNumber, String name, Long sizeBytes, String sha256) {
}
