package dev.hpo.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The study spec's JSON schema as schemas of the document: {@code StudySpec}, the body of {@code POST /api/studies},
 * and its parts under their own names. The schema is search-space's, beside the parser that judges every spec and
 * is held to it there; the views that carry parameter values refer to its {@code ParameterValue}.
 */
final class StudySpecSchemas implements OpenApiCustomizer {

    /** search-space's schema of the format StudySpecParser reads. */
    static final String RESOURCE = "dev/hpo/study/study-spec.schema.json";
    static final String STUDY_SPEC = "StudySpec";

    private static final List<String> VIEWS_WITH_PARAMETERS = List.of("TrialView", "Candidate", "Suggestion",
            "Enqueue", "ArchivedTrial");

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        definitions().forEach((name, schema) -> components.addSchemas(name, Schemas.of(schema)));
        // Stored as the user wrote them, where the parser also reads choices in any case: described, not typed.
        property(components, "StudyView", "spec", """
                {"type": "object", "description": "The study spec as it was created, field for field: a StudySpec \
                whose choices may be written in another case."}""");
        property(components, "ArchivedStudy", "spec", """
                {"type": "object", "description": "The study spec as it was created, field for field (see \
                StudySpec); an import checks it as study creation does."}""");
        property(components, "Suggestion", "trialSettings", """
                {"type": "object", "description": "The study's trialSettings as its spec writes them (see \
                TrialSettings); {} when the spec has none."}""");
        for (String view : VIEWS_WITH_PARAMETERS) {
            property(components, view, "parameters", """
                    {"type": "object", "description": "A configuration: each parameter's value by name.", \
                    "additionalProperties": {"$ref": "%s"}}""".formatted(Schemas.ref("ParameterValue")));
        }
        components.getSchemas().remove("JsonNode");
    }

    /** StudySpec and every definition it refers to, by name, their references pointing into the document. */
    static Map<String, JsonNode> definitions() {
        ObjectMapper json = new ObjectMapper();
        JsonNode schema;
        try (InputStream in = StudySpecSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            schema = json.readTree(text.replace("\"#/$defs/", "\"" + Schemas.ref("")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        ObjectNode root = ((ObjectNode) schema).deepCopy();
        root.remove(List.of("$schema", "$defs", "title"));
        definitions.put(STUDY_SPEC, root);
        schema.get("$defs").fields().forEachRemaining(d -> definitions.put(d.getKey(), d.getValue()));
        return definitions;
    }

    private static void property(Components components, String view, String property, String schema) {
        Schema<?> owner = components.getSchemas().get(view);
        if (owner == null || owner.getProperties() == null || !owner.getProperties().containsKey(property)) {
            throw new IllegalStateException("the document has no " + view + "." + property + " to describe");
        }
        owner.getProperties().put(property, Schemas.of(schema));
    }
}
