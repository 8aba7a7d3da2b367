package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A finished study as one portable document: {@code GET /api/studies/{id}/export} writes it and
 * {@code POST /api/studies/import} loads it into any API, under new ids. Trials and measurements refer to each
 * other by trial number, which is the same wherever the study is stored; the ids in it are those of the API that
 * wrote it, for the reader's information, and an import gives new ones.
 *
 * <p>Every field a reader needs is required: numbers and flags are boxed only so that a missing one is reported as
 * missing instead of read as zero.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; an API refuses versions it does not read
 * @param study the study: its spec as it was sent, its state and times
 * @param trials every trial, by number
 * @param measurements every measurement of every attempt of every trial, by trial number, attempt and step
 * @param artifacts files kept of trials (trained networks), by reference: name, size and checksum
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyArchive(Integer formatVersion, ArchivedStudy study, List<ArchivedTrial> trials,
                           List<ArchivedMeasurement> measurements, List<ArtifactReference> artifacts) {

    /** The version of the document this protocol writes: 2 added the trials' {@code confirmation} flag. */
    public static final int FORMAT_VERSION = 2;
    /** The versions it reads. */
    public static final List<Integer> READABLE_VERSIONS = List.of(1, 2);
}
