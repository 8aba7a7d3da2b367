package dev.hpo.api.dashboard;

import dev.hpo.api.error.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The study page's data: one compact document per study, tagged with the study's revision so a page polling
 * every few seconds gets {@code 304 Not Modified} and no body until something changed.
 */
@RestController
class StudyDashboardController {

    private final StudyDocuments documents;

    StudyDashboardController(StudyDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(value = "/api/dashboard/studies/{studyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> study(@PathVariable long studyId, WebRequest request) {
        String revision = documents.revision(studyId).orElseThrow(() -> notFound(studyId));
        String etag = "\"" + revision + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        StudyDocuments.Document document = documents.document(studyId, revision).orElseThrow(() -> notFound(studyId));
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON).body(document.json());
    }

    private static ApiException notFound(long studyId) {
        return new ApiException.NotFound("There is no study " + studyId + ".");
    }
}
