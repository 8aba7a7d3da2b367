package dev.hpo.api.artifact;

import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyStatuses;
import dev.hpo.api.trial.TrialEnded;
import dev.hpo.api.trial.TrialStore;
import dev.hpo.optimizer.StudyRanking;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the files of a study's best {@code keep} configurations, by the study's own {@link StudyRanking} (the order
 * of {@code /best} and the dashboard), every repeat's; when a trial ends, the files of finished trials whose
 * configuration is not (or no longer) among them are deleted, rows and bytes. Running trials keep theirs until they
 * end: they are judged then.
 */
@Component
class ArtifactRetention {

    private final ArtifactRows rows;
    private final ArtifactFiles files;
    private final TrialStore trials;
    private final StudyStatuses statuses;
    private final StudyCatalog catalog;

    ArtifactRetention(ArtifactRows rows, ArtifactFiles files, TrialStore trials, StudyStatuses statuses,
                      StudyCatalog catalog) {
        this.rows = rows;
        this.files = files;
        this.trials = trials;
        this.statuses = statuses;
        this.catalog = catalog;
    }

    @EventListener
    void onTrialEnded(TrialEnded ended) {
        settle(ended.studyId());
    }

    /** Deletes the files of the study's finished trials outside its best configurations; returns how many. */
    int settle(long studyId) {
        // A study that keeps nothing, which no upload reaches, costs a read of its row: its spec is parsed once.
        StudySpec spec = catalog.spec(statuses.find(studyId).orElseThrow());
        if (!spec.artifacts().keepsAny()) {
            return 0;
        }
        List<StoredArtifact> kept = rows.ofStudy(studyId).stream().filter(StoredArtifact::stored).toList();
        if (kept.isEmpty()) {
            return 0;
        }
        List<Trial> all = trials.trials(studyId).stream().map(t -> t.inCanonicalTypes(spec.searchSpace())).toList();
        StudyRanking ranking = StudyRanking.of(spec, all);
        int deleted = 0;
        for (Trial trial : all) {
            if (!trial.isFinished() || ranking.rank(trial).orElse(Integer.MAX_VALUE) <= spec.artifacts().keep()) {
                continue;
            }
            for (StoredArtifact artifact : kept) {
                if (artifact.trialId() == trial.id() && rows.delete(artifact.id())) {
                    files.delete(trial.id(), artifact.id());
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
