package dev.hpo.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A trial the API handed to this worker, with everything needed to run it.
 *
 * @param id the trial's id, as the API spells it
 * @param studyId the study it belongs to
 * @param timeCap how long training and evaluation may take
 * @param heartbeatTimeout how long the API waits for a sign of life before requeueing the trial
 * @param json the suggestion exactly as the API sent it, handed on to the trial process
 */
public record SuggestedTrial(String id, String studyId, Duration timeCap, Optional<Duration> heartbeatTimeout,
                             ObjectNode json) {

    public SuggestedTrial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(studyId, "studyId");
        Objects.requireNonNull(timeCap, "timeCap");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(json, "json");
    }

    /**
     * Reads a suggestion; the time cap and heartbeat timeout may sit on the trial or in its study's trial settings.
     *
     * @param fallbackStudyId the study asked, for suggestions that do not name theirs
     * @throws IllegalArgumentException when the id or the time cap is missing or malformed
     */
    public static SuggestedTrial of(ObjectNode json, String fallbackStudyId) {
        JsonNode id = json.get("id");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            throw new IllegalArgumentException("suggestion without an id: " + json);
        }
        String studyId = json.hasNonNull("studyId") ? json.get("studyId").asText() : fallbackStudyId;
        Duration cap = setting(json, "timeCap")
                .orElseThrow(() -> new IllegalArgumentException("suggestion " + id.asText() + " has no timeCap"));
        return new SuggestedTrial(id.asText(), studyId, cap, setting(json, "heartbeatTimeout"), json);
    }

    private static Optional<Duration> setting(ObjectNode json, String name) {
        JsonNode seconds = json.get(name + "Seconds");
        if (seconds != null && seconds.isNumber()) {
            return Optional.of(Durations.parse(name, seconds));
        }
        JsonNode value = json.get(name);
        if ((value == null || value.isNull()) && json.get("trialSettings") instanceof ObjectNode settings) {
            value = settings.get(name);
        }
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(Durations.parse(name, value));
    }
}
