package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.study.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A study's progress in a few lines: a bar of finished trials against the budget, the count in each state, the best
 * configuration so far, and elapsed and estimated remaining time.
 */
final class StudyProgress {

    private static final int BAR = 30;
    private static final List<String> FINISHED = List.of("COMPLETE", "FAILED", "PRUNED", "STOPPED");

    private StudyProgress() {
    }

    /** The lines for a study as {@code GET /api/studies/{id}} returns it, at {@code now}. */
    static List<String> render(JsonNode study, Instant now) {
        JsonNode counts = study.path("trialCounts");
        long finished = 0;
        for (String state : FINISHED) {
            finished += counts.path(state).asLong(0);
        }
        long capacity = Math.max(study.path("trialCapacity").asLong(0), finished);
        List<String> lines = new ArrayList<>();
        lines.add(study.path("name").asText() + " (study " + study.path("id").asText() + ") "
                + study.path("state").asText());
        StringBuilder bar = new StringBuilder("[");
        int filled = capacity == 0 ? 0 : (int) Math.round((double) BAR * finished / capacity);
        bar.append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                .append(finished).append('/').append(capacity).append(" finished");
        for (String state : FINISHED) {
            bar.append(" · ").append(state).append(' ').append(counts.path(state).asLong(0));
        }
        bar.append(" · running ").append(counts.path("RUNNING").asLong(0))
                .append(" · waiting ").append(counts.path("WAITING").asLong(0));
        lines.add(bar.toString());
        lines.add(best(study) + " · " + times(study, now, finished, capacity));
        return lines;
    }

    /** {@code best: macs=1.20M accuracy=0.8412 (trial 7)}, led by the objectives. */
    static String best(JsonNode study) {
        JsonNode best = study.path("best");
        if (best.isMissingNode() || best.isNull()) {
            return "best: none yet";
        }
        List<String> lead = new ArrayList<>(objectiveMetrics(study));
        for (String usual : List.of("accuracy", "macs", "params")) {
            if (!lead.contains(usual)) {
                lead.add(usual);
            }
        }
        JsonNode metrics = best.path("metrics");
        List<String> shown = new ArrayList<>();
        for (String name : lead) {
            if (metrics.hasNonNull(name)) {
                shown.add(name + "=" + Format.metric(name, metrics.get(name).asDouble()));
            }
        }
        String trials = best.path("trialIds").size() == 1 ? "trial " + best.path("trialIds").get(0).asText()
                : "trials " + best.path("trialIds").toString();
        return "best: " + String.join(" ", shown) + " (" + trials
                + (best.path("feasible").asBoolean(true) ? "" : ", violates a constraint") + ")";
    }

    static List<String> objectiveMetrics(JsonNode study) {
        List<String> names = new ArrayList<>();
        for (JsonNode objective : study.path("spec").path("objectives")) {
            names.add(objective.path("metric").asText());
        }
        return names;
    }

    private static String times(JsonNode study, Instant now, long finished, long capacity) {
        Optional<Instant> created = instant(study.path("createdAt"));
        if (created.isEmpty()) {
            return "";
        }
        Instant end = instant(study.path("finishedAt")).orElse(now);
        Duration elapsed = Duration.between(created.get(), end);
        String text = "elapsed " + Format.duration(elapsed);
        if (!"RUNNING".equals(study.path("state").asText())) {
            return text;
        }
        Optional<Duration> remaining = Optional.empty();
        if (finished > 0 && capacity > finished) {
            remaining = Optional.of(elapsed.multipliedBy(capacity - finished).dividedBy(finished));
        }
        Optional<Duration> limit = maxDuration(study).map(d -> d.minus(elapsed));
        if (limit.isPresent() && (remaining.isEmpty() || limit.get().compareTo(remaining.get()) < 0)) {
            remaining = limit;
        }
        return text + remaining.map(r -> " · remaining ~" + Format.duration(r)).orElse(" · remaining: unknown yet");
    }

    private static Optional<Duration> maxDuration(JsonNode study) {
        JsonNode value = study.path("spec").path("budget").path("maxDuration");
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(value.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.asText()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
