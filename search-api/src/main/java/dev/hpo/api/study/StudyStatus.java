package dev.hpo.api.study;

import dev.hpo.study.StudyState;
import java.time.Instant;

/**
 * The columns of a study row that change or decide what the worker protocol does, read on every suggestion and
 * completion without loading the whole entity (its spec is parsed once and kept by {@link StudyCatalog}).
 *
 * @param trialsCreated trials created so far, also the next trial number
 * @param exhausted true once the search algorithm had nothing left to propose
 */
public record StudyStatus(long id, StudyState state, long trialsCreated, boolean exhausted, Instant createdAt) {

    static StudyStatus of(StudyEntity study) {
        return new StudyStatus(study.getId(), study.getState(), study.getTrialsCreated(), study.isExhausted(),
                study.getCreatedAt());
    }
}
