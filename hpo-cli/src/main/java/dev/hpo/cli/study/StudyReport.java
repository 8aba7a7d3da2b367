package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.Api;
import java.time.Instant;
import java.util.List;

/** A study's progress and final summary, for commands that run a study themselves (demo). */
public final class StudyReport {

    private StudyReport() {
    }

    /** The progress lines of a study as {@code GET /api/studies/{id}} returns it. */
    public static List<String> progress(JsonNode study) {
        return StudyProgress.render(study, Instant.now());
    }

    /** The study's end: its state and counts, then its best trial with accuracy, MACs and parameters. */
    public static String summary(Api api, JsonNode study) {
        String nl = System.lineSeparator();
        String id = study.path("id").asText();
        StringBuilder text = new StringBuilder();
        List<String> lines = progress(study);
        text.append(lines.get(0)).append(nl).append(lines.get(1)).append(nl);
        JsonNode best = api.get("api/studies/" + id + "/best");
        if (!best.hasNonNull("best")) {
            return text.append("no trial completed, so there is no best trial; see ./hpo study trials ").append(id)
                    .append(" --api ").append(api.base()).append(nl).toString();
        }
        JsonNode candidate = best.get("best");
        JsonNode metrics = candidate.path("metrics");
        text.append("best trial ").append(candidate.path("trialIds").size() == 1
                ? candidate.path("trialIds").get(0).asText() : candidate.path("trialIds").toString()).append(nl);
        text.append("  accuracy:   ").append(value(metrics, "accuracy")).append(nl);
        text.append("  MACs:       ").append(value(metrics, "macs")).append(nl);
        text.append("  parameters: ").append(value(metrics, "params")).append(nl);
        text.append("  config:     ").append(Format.parameters(candidate.path("parameters"))).append(nl);
        if (!candidate.path("feasible").asBoolean(true)) {
            text.append("  note:       no trial met every constraint; this one came closest").append(nl);
        }
        return text.toString();
    }

    private static String value(JsonNode metrics, String name) {
        JsonNode v = metrics.path(name);
        if (!v.isNumber()) {
            return "-";
        }
        return name.equals("accuracy") ? String.format(java.util.Locale.ROOT, "%.4f", v.asDouble())
                : Format.count(v.asDouble()) + " (" + v.asLong() + ")";
    }
}
