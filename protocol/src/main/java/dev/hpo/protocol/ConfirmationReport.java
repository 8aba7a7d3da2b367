package dev.hpo.protocol;

import java.util.List;

/**
 * A study's confirmed results: {@code GET /api/studies/{id}/confirmations}.
 *
 * @param studyId the study
 * @param configurations each confirmed configuration, in the order the search ranks them (configurations without a
 *        standing last, by key)
 */
public record ConfirmationReport(long studyId, List<ConfirmedConfiguration> configurations) {

    public ConfirmationReport {
        configurations = List.copyOf(configurations);
    }
}
