package dev.hpo.api.confirm;

import dev.hpo.protocol.Confirm;
import dev.hpo.protocol.ConfirmationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Confirmation runs of a finished study, and the report of their results. */
@RestController
@Tag(name = "studies")
class ConfirmationController {

    private final Confirmations confirmations;

    ConfirmationController(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @PostMapping("/api/studies/{studyId}/confirmations")
    @Operation(operationId = "confirmStudy", summary = "Confirm a finished study's result",
            description = "Trains the best `top` configurations by the study's ranking, and those of the trials "
                    + "named, `repeats` times each at the full budget, each run on a fresh stratified subset and "
                    + "scored on images the search never used. The runs are trials like any other, marked "
                    + "`confirmation`, handed to workers after the search and kept out of its ranking.")
    @ApiResponse(responseCode = "201", description = "The report, the new runs counted in.")
    @ApiResponse(responseCode = "400", description = "errors names each field at fault: nothing asked for, "
            + "repeats out of range, an unknown trial (trials[0]), a confirmation run named.")
    @ApiResponse(responseCode = "409", description = "The study is still searching, or has no completed "
            + "configuration to take the best of.")
    ResponseEntity<ConfirmationReport> confirm(@PathVariable long studyId, @Valid @RequestBody Confirm request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(confirmations.confirm(studyId, request));
    }

    @GetMapping("/api/studies/{studyId}/confirmations")
    @Operation(operationId = "getConfirmations", summary = "Report a study's confirmed results",
            description = "Per confirmed configuration, in the search's order: its search metrics, its runs, and "
                    + "for each metric the completed runs reported, the mean, standard deviation and 95% interval "
                    + "(Student's t).")
    ConfirmationReport report(@PathVariable long studyId) {
        return confirmations.report(studyId);
    }
}
