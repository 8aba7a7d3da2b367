package dev.hpo.api.dashboard;

import dev.hpo.api.error.ApiException;
import org.springframework.http.CacheControl;
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

    private final StudyDashboardQueries queries;

    StudyDashboardController(StudyDashboardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/dashboard/studies/{studyId}")
    ResponseEntity<StudyDashboard> study(@PathVariable long studyId, WebRequest request) {
        String revision = queries.revision(studyId).orElseThrow(() -> notFound(studyId));
        String etag = "\"" + revision + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        // A trial can change between reading the revision and the trials: the page then simply sees the newer
        // data under the older tag and fetches once more on its next poll.
        StudyDashboard dashboard = queries.load(studyId).orElseThrow(() -> notFound(studyId));
        return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(dashboard);
    }

    private static ApiException notFound(long studyId) {
        return new ApiException.NotFound("There is no study " + studyId + ".");
    }
}
