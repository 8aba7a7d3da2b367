package dev.hpo.runner.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.TrialResult;

/** The JSON form of a {@link TrialResult}; numbers that are not finite (a failed trial's accuracy) become null. */
public final class TrialResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrialResultJson() {
    }

    public static ObjectNode write(TrialResult r) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("engine", r.engine());
        json.put("status", r.status().name());
        json.put("failure", r.failure().orElse(null));
        number(json, "accuracy", r.accuracy());
        json.put("validationImages", r.validationImages());
        json.put("flipAveraged", r.flipAveraged());
        json.put("scoredAtStep", r.scoredAtStep());
        json.put("macs", r.macs());
        json.put("params", r.params());
        json.put("epochs", r.epochs());
        json.put("steps", r.steps());
        number(json, "wallSeconds", r.wallSeconds());
        number(json, "trainSeconds", r.trainSeconds());
        number(json, "imagesPerSecond", r.imagesPerSecond());
        number(json, "finalLoss", r.finalLoss());
        ArrayNode curve = json.putArray("measurements");
        for (Measurement m : r.measurements()) {
            curve.add(write(m));
        }
        return json;
    }

    private static ObjectNode write(Measurement m) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("epoch", m.epoch());
        json.put("step", m.step());
        number(json, "elapsedSeconds", m.elapsedSeconds());
        number(json, "trainLoss", m.trainLoss());
        number(json, "validationAccuracy", m.validationAccuracy());
        json.put("validationImages", m.validationImages());
        return json;
    }

    private static void number(ObjectNode json, String name, double value) {
        if (Double.isFinite(value)) {
            json.put(name, Math.round(value * 1e6) / 1e6);
        } else {
            json.putNull(name);
        }
    }
}
