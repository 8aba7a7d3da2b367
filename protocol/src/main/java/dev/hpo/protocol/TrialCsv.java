package dev.hpo.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Trials as CSV, the format of {@code GET /api/studies/{id}/trials.csv} and of the CLI's {@code --csv} for trials
 * it filtered itself: one row per trial, one column per parameter ({@code param.}) and per metric
 * ({@code metric.}) that any of them has, RFC 4180 quoting, CRLF line ends.
 */
public final class TrialCsv {

    private static final List<String> FIELDS = List.of("id", "number", "state", "configKey", "repeat", "enqueued",
            "confirmation", "workerId", "engine", "attempts", "createdAt", "startedAt", "finishedAt", "failureReason");

    private TrialCsv() {
    }

    public static String write(List<TrialView> trials) {
        Set<String> parameters = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (TrialView t : trials) {
            parameters.addAll(t.parameters().keySet());
            metrics.addAll(t.metrics().keySet());
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(FIELDS);
        parameters.forEach(p -> header.add("param." + p));
        metrics.forEach(m -> header.add("metric." + m));
        row(out, header);
        for (TrialView t : trials) {
            List<Object> cells = new ArrayList<>(FIELDS.size() + parameters.size() + metrics.size());
            cells.addAll(List.of(t.id(), t.number(), t.state(), t.configKey(), t.repeat(), t.enqueued(),
                    t.confirmation()));
            cells.add(t.workerId());
            cells.add(t.engine());
            cells.add(t.attempts());
            cells.add(t.createdAt());
            cells.add(t.startedAt());
            cells.add(t.finishedAt());
            cells.add(t.failureReason());
            parameters.forEach(p -> cells.add(t.parameters().get(p)));
            metrics.forEach(m -> cells.add(t.metrics().get(m)));
            row(out, cells);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell.toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            out.append(text);
        }
        out.append("\r\n");
    }
}
