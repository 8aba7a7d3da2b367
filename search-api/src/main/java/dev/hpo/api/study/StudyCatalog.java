package dev.hpo.api.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.StudySpecWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Parsed specs of stored studies. A spec never changes once stored, so each is parsed once per process and kept;
 * the hot path of the worker protocol never parses JSON specs.
 */
@Component
public class StudyCatalog {

    /**
     * A stored study's spec, parsed; the spec as JSON with every default spelled out, as the study view shows it
     * (the stored text stays as sent); and the JSON of its trial settings as the user wrote them.
     */
    public record ParsedStudy(StudySpec spec, JsonNode specJson, JsonNode trialSettingsJson) {
    }

    private final ObjectMapper json;
    private final StudyRepository studies;
    private final Map<Long, ParsedStudy> parsed = new ConcurrentHashMap<>();

    StudyCatalog(ObjectMapper json, StudyRepository studies) {
        this.json = json;
        this.studies = studies;
    }

    public ParsedStudy of(StudyEntity study) {
        return parsed.computeIfAbsent(study.getId(), id -> parse(study.getSpecJson()));
    }

    /** The parsed spec of a study known to exist; read from the database the first time only. */
    public ParsedStudy of(StudyStatus study) {
        return parsed.computeIfAbsent(study.id(), id -> parse(studies.findById(id).orElseThrow().getSpecJson()));
    }

    public StudySpec spec(StudyEntity study) {
        return of(study).spec();
    }

    public StudySpec spec(StudyStatus study) {
        return of(study).spec();
    }

    private ParsedStudy parse(String specJson) {
        try {
            JsonNode node = json.readTree(specJson);
            JsonNode settings = node.path("trialSettings");
            StudySpec spec = StudySpecParser.parse(specJson);
            return new ParsedStudy(spec, StudySpecWriter.toTree(spec),
                    settings.isObject() ? settings : JsonNodeFactory.instance.objectNode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored study spec is not valid JSON", e);
        }
    }
}
