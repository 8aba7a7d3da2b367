package dev.hpo.runner.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.runner.data.ChannelStatistics;
import dev.hpo.runner.engine.StudyDraws;
import dev.hpo.runner.plan.TrialPlanJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a {@link ModelCard}, the {@value #ENTRY} entry of a saved network:
 * <pre>{@code
 * {"format": 1, "engine": "dl4j", "plan": {...as TrialPlanJson writes it...},
 *  "classNames": ["T-shirt/top", ...], "normalisation": {"mean": [0.286], "std": [0.353]},
 *  "study": {"seed": 42, "repeats": 1}, "validationAccuracy": 0.89}
 * }</pre>
 */
public final class ModelCardJson {

    /** The entry of a saved network's zip that holds its card. */
    public static final String ENTRY = "hpo-model.json";

    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelCardJson() {
    }

    public static String write(ModelCard card) {
        ObjectNode json = MAPPER.createObjectNode().put("format", FORMAT).put("engine", card.engine());
        json.set("plan", TrialPlanJson.write(card.plan()));
        ArrayNode names = json.putArray("classNames");
        card.classNames().forEach(names::add);
        ObjectNode normalisation = json.putObject("normalisation");
        ArrayNode mean = normalisation.putArray("mean");
        ArrayNode std = normalisation.putArray("std");
        for (int c = 0; c < card.normalisation().channels(); c++) {
            mean.add(card.normalisation().mean()[c]);
            std.add(card.normalisation().std()[c]);
        }
        card.study().ifPresent(s -> json.putObject("study").put("seed", s.seed()).put("repeats", s.repeats()));
        if (Double.isFinite(card.validationAccuracy())) {
            json.put("validationAccuracy", card.validationAccuracy());
        }
        return json.toString();
    }

    /**
     * The engine a card names, read before the rest: another engine's plan may hold what this one cannot read.
     *
     * @throws IllegalArgumentException when the text is not a card of this format or names no engine
     */
    public static String engine(String text) {
        JsonNode json = tree(text);
        String engine = json.path("engine").asText("");
        if (engine.isEmpty()) {
            throw new IllegalArgumentException(ENTRY + " names no engine");
        }
        return engine;
    }

    /** @throws IllegalArgumentException naming what is missing or wrong */
    public static ModelCard read(String text) {
        String engine = engine(text);
        JsonNode json = tree(text);
        if (!json.path("plan").isObject()) {
            throw new IllegalArgumentException(ENTRY + " holds no plan");
        }
        List<String> names = new ArrayList<>();
        json.path("classNames").forEach(n -> names.add(n.asText()));
        Optional<StudyDraws> study = json.path("study").isObject()
                ? Optional.of(new StudyDraws(json.path("study").path("seed").asLong(),
                        json.path("study").path("repeats").asInt()))
                : Optional.empty();
        return new ModelCard(engine, TrialPlanJson.read(json.get("plan")), names,
                new ChannelStatistics(numbers(json.path("normalisation").path("mean")),
                        numbers(json.path("normalisation").path("std"))),
                study, json.path("validationAccuracy").asDouble(Double.NaN));
    }

    private static JsonNode tree(String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(ENTRY + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(ENTRY + " must hold a JSON object");
        }
        if (json.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException(ENTRY + " has format " + json.path("format") + "; this version reads "
                    + "format " + FORMAT);
        }
        return json;
    }

    private static double[] numbers(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
