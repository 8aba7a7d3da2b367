package dev.hpo.runner.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.protocol.MeasurementReport;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the line protocol of {@link TrialEvent} from a trial process's standard output. */
final class TrialEventParser {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * @return the event on this line, or empty for a line that is not part of the protocol
     * @throws IllegalArgumentException for a protocol line with a malformed field, naming it
     */
    Optional<TrialEvent> parse(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = json.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node.path("failed").asBoolean(false)) {
            String reason = node.path("reason").asText("").trim();
            return Optional.of(new TrialEvent.Failed(reason.isEmpty() ? "the trial reported a failure" : reason));
        }
        if (node.path("started").asBoolean(false)) {
            return Optional.of(new TrialEvent.Started());
        }
        if (!node.has("metrics")) {
            return Optional.empty();
        }
        Map<String, Double> metrics = metrics(node.get("metrics"));
        if (node.hasNonNull("step")) {
            long step = number(node, "step").longValue();
            double elapsed = node.hasNonNull("elapsedSeconds") ? number(node, "elapsedSeconds").doubleValue() : 0;
            if (step < 0) {
                throw new IllegalArgumentException("step must be >= 0, got " + step);
            }
            if (!(elapsed >= 0) || Double.isInfinite(elapsed)) {
                throw new IllegalArgumentException("elapsedSeconds must be >= 0, got " + elapsed);
            }
            return Optional.of(new TrialEvent.Measured(MeasurementReport.of(step, elapsed, metrics)));
        }
        return Optional.of(new TrialEvent.Finished(metrics, artifacts(node.path("artifacts"))));
    }

    /** The files a final line names: absent, none. */
    private static List<Path> artifacts(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("artifacts must be a list of file paths, got " + node);
        }
        List<Path> files = new ArrayList<>();
        for (JsonNode file : node) {
            if (!file.isTextual() || file.asText().isBlank()) {
                throw new IllegalArgumentException("artifacts must be a list of file paths, got " + file);
            }
            try {
                files.add(Path.of(file.asText()));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("artifacts names " + file + ", which is not a path: "
                        + e.getReason());
            }
        }
        return files;
    }

    private static Map<String, Double> metrics(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("metrics must be an object of numbers, got " + node);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw new IllegalArgumentException("metrics." + field.getKey() + " must be a finite number, got "
                        + value);
            }
            metrics.put(field.getKey(), value.asDouble());
        });
        return metrics;
    }

    private static Number number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, got " + value);
        }
        return value.numberValue();
    }
}
