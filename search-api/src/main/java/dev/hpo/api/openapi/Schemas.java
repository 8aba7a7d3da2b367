package dev.hpo.api.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Schemas written as the JSON they are served as, read by the OpenAPI 3.1 model: keywords such as a list of types
 * or a numeric exclusiveMinimum keep their 3.1 form, which schemas built field by field would lose.
 */
final class Schemas {

    private Schemas() {
    }

    static Schema<?> of(JsonNode json) {
        return Json31.mapper().convertValue(json, Schema.class);
    }

    static Schema<?> of(String json) {
        try {
            return of(Json31.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON schema: " + json, e);
        }
    }

    static String ref(String name) {
        return "#/components/schemas/" + name;
    }
}
