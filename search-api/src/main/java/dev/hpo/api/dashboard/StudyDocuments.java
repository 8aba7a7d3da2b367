package dev.hpo.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Study pages' data documents, serialized, for the few most recently viewed studies. A running study changes every
 * few minutes while its page polls every few seconds, possibly in several browsers: each revision is read from the
 * database and written as JSON once, then answered from memory.
 */
@Component
class StudyDocuments {

    /** Enough for the studies people watch at once; each document is about 200 bytes per trial. */
    private static final int KEPT = 8;

    /** The serialized document of a study at one revision. */
    record Document(String revision, byte[] json) {
    }

    private final StudyDashboards dashboards;
    private final ObjectMapper json;
    private final Map<Long, Document> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Document> eldest) {
            return size() > KEPT;
        }
    };

    StudyDocuments(StudyDashboards dashboards, ObjectMapper json) {
        this.dashboards = dashboards;
        this.json = json;
    }

    /** The study's current revision, or empty when there is no such study. */
    Optional<String> revision(long studyId) {
        return dashboards.revision(studyId);
    }

    /**
     * The study's document at {@code revision} or later. A trial can change between reading the revision and the
     * trials: the document then holds the newer data under the older tag, and the next poll fetches it again.
     */
    Optional<Document> document(long studyId, String revision) {
        synchronized (recent) {
            Document kept = recent.get(studyId);
            if (kept != null && kept.revision().equals(revision)) {
                return Optional.of(kept);
            }
        }
        Optional<StudyDashboard> dashboard = dashboards.load(studyId);
        if (dashboard.isEmpty()) {
            return Optional.empty();
        }
        Document fresh;
        try {
            fresh = new Document(revision, json.writeValueAsBytes(dashboard.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a study page's data could not be written as JSON", e);
        }
        synchronized (recent) {
            recent.put(studyId, fresh);
        }
        return Optional.of(fresh);
    }
}
