package dev.hpo.api.study;

import dev.hpo.protocol.Best;
import dev.hpo.protocol.Pareto;
import dev.hpo.protocol.StudyView;
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
class StudyController {

    private final StudyService studies;

    StudyController(StudyService studies) {
        this.studies = studies;
    }

    /** Creates a study from a spec in the JSON format of docs/study-spec.md. */
    @PostMapping(value = "/api/studies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StudyView> create(@RequestBody String spec) {
        StudyView study = studies.create(spec);
        return ResponseEntity.created(URI.create("/api/studies/" + study.id())).body(study);
    }

    @GetMapping("/api/studies")
    List<StudyView> list() {
        return studies.list();
    }

    @GetMapping("/api/studies/{id}")
    StudyView get(@PathVariable long id) {
        return studies.get(id);
    }

    @PostMapping("/api/studies/{id}/stop")
    StudyView stop(@PathVariable long id) {
        return studies.stop(id);
    }

    @GetMapping("/api/studies/{id}/best")
    Best best(@PathVariable long id) {
        return studies.best(id);
    }

    @GetMapping("/api/studies/{id}/pareto")
    Pareto pareto(@PathVariable long id) {
        return studies.pareto(id);
    }
}
