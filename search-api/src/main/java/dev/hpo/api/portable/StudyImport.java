package dev.hpo.api.portable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.api.artifact.ArtifactReferences;
import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.api.trial.ImportedTrials;
import dev.hpo.protocol.StudyArchive;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a {@link StudyArchive} as a new study: checked whole first, then stored in one transaction, study, trials,
 * measurements and artifact references together, under new ids. References come without their files: the study
 * lists them, and a download answers that the import did not carry them. The study is finished as it was, so it hands out no trials and takes no
 * enqueued ones; it is browsed like any other.
 */
@Service
class StudyImport {

    /** Appended to the name of a study whose name is taken here, then with a count: -imported-2, -imported-3. */
    static final String RENAMED = "-imported";

    /** The longest study name the spec allows. */
    private static final int MAX_NAME = 100;

    private final StudyRepository studies;
    private final ImportedTrials trials;
    private final ArtifactReferences artifacts;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    StudyImport(StudyRepository studies, ImportedTrials trials, ArtifactReferences artifacts,
                TransactionTemplate transaction, ObjectMapper json) {
        this.studies = studies;
        this.trials = trials;
        this.artifacts = artifacts;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * @return the new study's id
     * @throws ApiException.InvalidRequest listing every problem of the archive; nothing is stored
     * @throws ApiException.Conflict when another import took the same free name at the same moment
     */
    long load(StudyArchive archive) {
        CheckedArchive checked = ArchiveCheck.check(archive);
        try {
            return transaction.execute(status -> {
                String name = freeName(checked.spec().name());
                StudyEntity study = studies.saveAndFlush(StudyEntity.imported(name, specText(checked, name),
                        checked.state(), checked.exhausted(), checked.trialsCreated(), checked.createdAt(),
                        checked.finishedAt()));
                trials.store(study.getId(), checked.trials(), checked.measurements());
                artifacts.importInto(study.getId(), checked.artifacts());
                return study.getId();
            });
        } catch (DataIntegrityViolationException raced) {
            throw new ApiException.Conflict("Another study took the name '" + checked.spec().name()
                    + "' while this one was imported; import it again.");
        }
    }

    /** The spec's own name, or when a study here has it, that name marked as imported. */
    private String freeName(String name) {
        if (!studies.existsByName(name)) {
            return name;
        }
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? RENAMED : RENAMED + "-" + n;
            String candidate = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
            if (!studies.existsByName(candidate)) {
                return candidate;
            }
        }
    }

    /** The spec as the archive gives it, with the name the study is stored under. */
    private String specText(CheckedArchive checked, String name) {
        if (name.equals(checked.spec().name())) {
            return checked.specJson();
        }
        try {
            ObjectNode spec = (ObjectNode) json.readTree(checked.specJson());
            spec.put("name", name);
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec that was just parsed is JSON", e);
        }
    }
}
