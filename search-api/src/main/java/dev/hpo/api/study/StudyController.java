package dev.hpo.api.study;

import dev.hpo.protocol.Best;
import dev.hpo.protocol.Pareto;
import dev.hpo.protocol.StudyView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "studies")
class StudyController {

    private final StudyService studies;

    StudyController(StudyService studies) {
        this.studies = studies;
    }

    /** Creates a study from a spec in the JSON format of docs/study-spec.md. */
    @PostMapping(value = "/api/studies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createStudy", summary = "Create a study",
            description = "From a study spec (docs/study-spec.md). The service stores the spec as written; its "
                    + "parser reports every problem of an invalid one at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = "StudySpec"))))
    @ApiResponse(responseCode = "201", description = "The study, created and running.",
            headers = @Header(name = "Location", description = "The study's path, /api/studies/{id}.",
                    schema = @Schema(types = "string")))
    @ApiResponse(responseCode = "400", description = "The spec is invalid: errors lists every problem, each with "
            + "its JSON path in the spec (parameters[1].max, budget.maxTrials).")
    @ApiResponse(responseCode = "409", description = "A study of that name exists.")
    ResponseEntity<StudyView> create(@RequestBody String spec) {
        StudyView study = studies.create(spec);
        return ResponseEntity.created(URI.create("/api/studies/" + study.id())).body(study);
    }

    @GetMapping("/api/studies")
    @Operation(operationId = "listStudies", summary = "List studies",
            description = "Every study, oldest first, with its state, trial counts by state and best "
                    + "configuration so far; without specs.")
    List<StudyView> list() {
        return studies.list();
    }

    @GetMapping("/api/studies/{id}")
    @Operation(operationId = "getStudy", summary = "Get a study", description = "The study with its spec.")
    StudyView get(@PathVariable long id) {
        return studies.get(id);
    }

    @PostMapping("/api/studies/{id}/stop")
    @Operation(operationId = "stopStudy", summary = "Stop a study",
            description = "Its waiting trials end STOPPED; its running ones are told to stop at their next report. "
                    + "A study that has ended already stays as it ended.")
    StudyView stop(@PathVariable long id) {
        return studies.stop(id);
    }

    @GetMapping("/api/studies/{id}/best")
    @Operation(operationId = "getBest", summary = "Get a study's best configuration",
            description = "For its first objective: feasible configurations beat infeasible ones, then the "
                    + "objective decides; means over each configuration's complete repeats.")
    Best best(@PathVariable long id) {
        return studies.best(id);
    }

    @GetMapping("/api/studies/{id}/pareto")
    @Operation(operationId = "getPareto", summary = "Get a study's Pareto front",
            description = "The feasible configurations that no other feasible one beats on both objectives.")
    @ApiResponse(responseCode = "200", description = "The front, empty before any feasible configuration completed.")
    @ApiResponse(responseCode = "409", description = "The study has one objective; a front needs two.")
    Pareto pareto(@PathVariable long id) {
        return studies.pareto(id);
    }
}
