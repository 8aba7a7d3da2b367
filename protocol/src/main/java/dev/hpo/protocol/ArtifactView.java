package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A file kept of a trial, such as its trained network: {@code GET /api/studies/{id}/trials/{trialId}/artifacts}
 * lists them, the same path with the name downloads one.
 *
 * @param trialId the trial it belongs to
 * @param name its file name, without folders
 * @param sizeBytes its length
 * @param sha256 the SHA-256 of its bytes, 64 lowercase hex digits
 * @param createdAt when it was stored
 * @param available false for a reference an imported study brought without the file: listed, not downloadable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArtifactView(long trialId, String name, long sizeBytes, String sha256, Instant createdAt,
                           boolean available) {

    /** The header that carries a file's SHA-256, on an upload and on a download. */
    public static final String CHECKSUM_HEADER = "X-Content-SHA256";
}
