package dev.hpo.api.portable;

import dev.hpo.api.study.StudyService;
import dev.hpo.protocol.StudyArchive;
import dev.hpo.protocol.StudyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Portable studies: a finished study out as one document, and such a document in as a new, finished study. */
@RestController
@Tag(name = "studies")
class StudyArchiveController {

    private final StudyExport exports;
    private final StudyImport imports;
    private final StudyService studies;

    StudyArchiveController(StudyExport exports, StudyImport imports, StudyService studies) {
        this.exports = exports;
        this.imports = imports;
        this.studies = studies;
    }

    @GetMapping("/api/studies/{id}/export")
    @Operation(operationId = "exportStudy", summary = "Export a finished study",
            description = "The study's spec as it was sent, its state and times, every trial (state, parameters, "
                    + "metrics, attempts, engine, times, failure reason), every measurement of every attempt, and "
                    + "references to the files kept of trials, as one document with a format version. "
                    + "POST /api/studies/import loads it into any API.")
    @ApiResponse(responseCode = "200", description = "The study archive.")
    @ApiResponse(responseCode = "409", description = "The study is still running, or one of its trials still "
            + "waits or runs.")
    StudyArchive export(@PathVariable long id) {
        return exports.export(id);
    }

    @PostMapping(value = "/api/studies/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importStudy", summary = "Import a study archive",
            description = "Stores the archived study as a new study with new ids, in one transaction: finished and "
                    + "read-only (it hands out no trials and takes no enqueued ones). A study here with the same "
                    + "name makes the new one's name end in -imported (then -imported-2, ...), spec included.")
    @ApiResponse(responseCode = "201", description = "The imported study.",
            headers = @Header(name = "Location", description = "The study's path, /api/studies/{id}.",
                    schema = @Schema(types = "string")))
    @ApiResponse(responseCode = "400", description = "The archive is invalid and nothing was stored: errors lists "
            + "every problem with its path in the document (formatVersion, trials[2].state, "
            + "measurements[7].trialNumber).")
    @ApiResponse(responseCode = "409", description = "Another study took the same name during the import.")
    ResponseEntity<StudyView> importStudy(@RequestBody StudyArchive archive) {
        long id = imports.load(archive);
        return ResponseEntity.created(URI.create("/api/studies/" + id)).body(studies.get(id));
    }
}
