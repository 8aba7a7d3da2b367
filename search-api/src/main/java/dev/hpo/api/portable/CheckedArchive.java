package dev.hpo.api.portable;

import dev.hpo.api.trial.RecordedMeasurement;
import dev.hpo.protocol.ArtifactReference;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudyState;
import dev.hpo.trial.Trial;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A study archive that passed every check, in the service's own types, ready to be stored.
 *
 * @param specJson the spec as the archive gives it, to be stored as the study's spec text
 * @param trials its trials by number, their study and ids not yet given
 * @param measurements every attempt's measurements of each trial, by trial number
 * @param artifacts references to files of its trials, each name once per trial
 */
record CheckedArchive(StudySpec spec, String specJson, StudyState state, boolean exhausted, Instant createdAt,
                      Instant finishedAt, List<Trial> trials, Map<Long, List<RecordedMeasurement>> measurements,
                      List<ArtifactReference> artifacts) {

    /** The study's next trial number, had it gone on: one past the highest number it holds. */
    long trialsCreated() {
        return trials.stream().mapToLong(Trial::number).max().orElse(-1) + 1;
    }
}
