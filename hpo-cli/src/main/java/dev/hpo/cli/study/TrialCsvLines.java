package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trials as CSV when the CLI filtered them itself (the API's CSV export covers whole studies): the same columns,
 * one per parameter and per metric, RFC 4180 quoting.
 */
final class TrialCsvLines {

    private static final List<String> FIELDS = List.of("id", "number", "state", "configKey", "repeat", "enqueued",
            "workerId", "attempts", "createdAt", "startedAt", "finishedAt", "failureReason");

    private TrialCsvLines() {
    }

    static String of(List<JsonNode> trials) {
        Set<String> parameters = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (JsonNode t : trials) {
            t.path("parameters").fieldNames().forEachRemaining(parameters::add);
            t.path("metrics").fieldNames().forEachRemaining(metrics::add);
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(FIELDS);
        parameters.forEach(p -> header.add("param." + p));
        metrics.forEach(m -> header.add("metric." + m));
        row(out, header);
        for (JsonNode t : trials) {
            List<String> cells = new ArrayList<>();
            FIELDS.forEach(f -> cells.add(t.path(f).isValueNode() ? t.path(f).asText() : ""));
            parameters.forEach(p -> cells.add(t.path("parameters").path(p).isValueNode()
                    ? t.path("parameters").path(p).asText() : ""));
            metrics.forEach(m -> cells.add(t.path("metrics").path(m).isValueNode()
                    ? t.path("metrics").path(m).asText() : ""));
            row(out, cells);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = cells.get(i);
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            out.append(text);
        }
        out.append("\r\n");
    }
}
