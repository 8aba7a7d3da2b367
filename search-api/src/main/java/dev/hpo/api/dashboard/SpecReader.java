package dev.hpo.api.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.dashboard.StudyOverview.Constraint;
import dev.hpo.api.dashboard.StudyOverview.Objective;
import dev.hpo.api.dashboard.StudyOverview.ParameterAxis;
import dev.hpo.study.Fidelity;
import dev.hpo.study.StudySpecParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of a stored study spec the dashboard shows. The spec was validated when the study was created,
 * so this only picks fields; a field it does not find is simply left out of the picture.
 */
final class SpecReader {

    /** What the dashboard takes from a spec. */
    record SpecFacts(String description, Integer maxTrials, Fidelity fidelity, List<Objective> objectives,
                     List<Constraint> constraints, List<ParameterAxis> parameters) {
    }

    private final ObjectMapper json;

    SpecReader(ObjectMapper json) {
        this.json = json;
    }

    SpecFacts read(String specJson) {
        JsonNode spec;
        try {
            spec = json.readTree(specJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored study spec is not valid JSON", e);
        }
        List<Objective> objectives = new ArrayList<>();
        for (JsonNode o : spec.path("objectives")) {
            objectives.add(new Objective(o.path("metric").asText(), o.path("goal").asText("MAXIMIZE").toUpperCase()));
        }
        List<Constraint> constraints = new ArrayList<>();
        for (JsonNode c : spec.path("constraints")) {
            constraints.add(new Constraint(c.path("metric").asText(), number(c.get("min")), number(c.get("max"))));
        }
        List<ParameterAxis> parameters = new ArrayList<>();
        for (JsonNode p : spec.path("parameters")) {
            String type = p.path("type").asText().toLowerCase();
            // A fixed parameter has one value for every trial: an axis for it would say nothing.
            if (type.equals("fixed")) {
                continue;
            }
            List<Object> values = new ArrayList<>();
            for (JsonNode v : p.path("values")) {
                values.add(v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.asText());
            }
            parameters.add(new ParameterAxis(p.path("name").asText(), type, number(p.get("min")), number(p.get("max")),
                    p.path("scale").asText("linear").toLowerCase(), values));
        }
        JsonNode maxTrials = spec.path("budget").get("maxTrials");
        JsonNode description = spec.get("description");
        // The fidelity defaults to the time cap, itself a default: the spec's reader settles both.
        Fidelity fidelity = StudySpecParser.parse(spec).fidelity();
        return new SpecFacts(description == null || description.isNull() ? null : description.asText(),
                maxTrials != null && maxTrials.canConvertToInt() ? maxTrials.intValue() : null, fidelity,
                objectives, constraints, parameters);
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }
}
