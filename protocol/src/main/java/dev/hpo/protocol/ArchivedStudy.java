package dev.hpo.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.study.StudyState;
import java.time.Instant;

/**
 * A study in a {@link StudyArchive}. Its name is the spec's: an import that finds the name taken renames the study
 * (spec included) with an {@code (imported)} suffix.
 *
 * @param id its id where it was exported; ignored on import
 * @param state how it ended: COMPLETED or STOPPED (an archive holds finished studies only)
 * @param exhausted whether its search algorithm had nothing left to propose
 * @param spec the study spec as it was sent when the study was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArchivedStudy(Long id, StudyState state, Boolean exhausted, Instant createdAt, Instant finishedAt,
                            JsonNode spec) {
}
