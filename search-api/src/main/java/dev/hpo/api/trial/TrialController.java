package dev.hpo.api.trial;

import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.TrialCsv;
import dev.hpo.protocol.TrialView;
import dev.hpo.trial.TrialState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trials of a study: listing, one trial, CSV export, and enqueuing known configurations. */
@RestController
class TrialController {

    private final TrialQueries queries;

    TrialController(TrialQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/studies/{studyId}/trials")
    Page<TrialView> list(@PathVariable long studyId, @RequestParam(required = false) TrialState state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return queries.page(studyId, state, page, size);
    }

    @GetMapping(value = "/api/studies/{studyId}/trials.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable long studyId) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"study-" + studyId + "-trials.csv\"")
                .body(TrialCsv.write(queries.all(studyId)));
    }

    /** Enqueues a configuration, e.g. a baseline, to run before sampled ones. */
    @PostMapping("/api/studies/{studyId}/trials")
    ResponseEntity<List<TrialView>> enqueue(@PathVariable long studyId, @Valid @RequestBody Enqueue request) {
        List<TrialView> created = queries.enqueue(studyId, request.parameters());
        return ResponseEntity.created(URI.create("/api/trials/" + created.get(0).id())).body(created);
    }

    @GetMapping("/api/trials/{trialId}")
    TrialView trial(@PathVariable long trialId) {
        return queries.trial(trialId);
    }
}
