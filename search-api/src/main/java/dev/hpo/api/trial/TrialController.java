package dev.hpo.api.trial;

import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.TrialCsv;
import dev.hpo.protocol.TrialView;
import dev.hpo.trial.TrialState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "trials")
class TrialController {

    private final TrialQueries queries;

    TrialController(TrialQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/studies/{studyId}/trials")
    @Operation(operationId = "listTrials", summary = "List a study's trials",
            description = "By number, a page at a time, optionally only those in one state; without measurements.")
    Page<TrialView> list(@PathVariable long studyId, @RequestParam(required = false) TrialState state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return queries.page(studyId, state, page, size);
    }

    @GetMapping(value = "/api/studies/{studyId}/trials.csv", produces = "text/csv")
    @Operation(operationId = "exportTrials", summary = "Export a study's trials as CSV",
            description = "One row per trial, one column per parameter (param.*) and metric (metric.*) any trial "
                    + "has; RFC 4180 quoting.")
    ResponseEntity<String> csv(@PathVariable long studyId) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"study-" + studyId + "-trials.csv\"")
                .body(TrialCsv.write(queries.all(studyId)));
    }

    /** Enqueues a configuration, e.g. a baseline, to run before sampled ones. */
    @PostMapping("/api/studies/{studyId}/trials")
    @Operation(operationId = "enqueueTrial", summary = "Enqueue a configuration",
            description = "A known configuration, e.g. the baseline a \"baseline\" bound refers to: it runs before "
                    + "sampled ones, once per repeat.")
    @ApiResponse(responseCode = "201", description = "Its trials, one per repeat, waiting.",
            headers = @Header(name = "Location", description = "The first trial's path, /api/trials/{id}.",
                    schema = @Schema(types = "string")))
    @ApiResponse(responseCode = "400", description = "The configuration does not belong to the study's search "
            + "space: errors names each parameter at fault (parameters.learningRate).")
    @ApiResponse(responseCode = "409", description = "The study has ended, or has created all the trials its "
            + "budget allows.")
    ResponseEntity<List<TrialView>> enqueue(@PathVariable long studyId, @Valid @RequestBody Enqueue request) {
        List<TrialView> created = queries.enqueue(studyId, request.parameters());
        return ResponseEntity.created(URI.create("/api/trials/" + created.get(0).id())).body(created);
    }

    @GetMapping("/api/trials/{trialId}")
    @Operation(operationId = "getTrial", summary = "Get a trial",
            description = "The trial with its measurements, those of earlier attempts included.")
    TrialView trial(@PathVariable long trialId) {
        return queries.trial(trialId);
    }
}
