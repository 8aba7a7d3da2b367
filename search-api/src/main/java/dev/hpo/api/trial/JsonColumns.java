package dev.hpo.api.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.space.Configuration;
import dev.hpo.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The JSON text columns of trials and measurements: configurations and metric maps. */
@Component
public class JsonColumns {

    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Double>> METRICS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    JsonColumns(ObjectMapper json) {
        this.json = json;
    }

    public String write(Map<String, ?> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of plain values cannot fail to serialise", e);
        }
    }

    /** A stored configuration with its values in the space's canonical types (Double, Long, declared values). */
    public Configuration configuration(String text, SearchSpace space) {
        return space.canonical(Configuration.of(read(text, VALUES)));
    }

    public Map<String, Double> metrics(String text) {
        return text == null ? Map.of() : read(text, METRICS);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column is corrupt", e);
        }
    }
}
