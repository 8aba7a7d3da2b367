package dev.hpo.api.trial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A study's trials as CSV: one row per trial, one column per parameter and per metric (RFC 4180 quoting). */
final class TrialCsv {

    private TrialCsv() {
    }

    static String write(List<TrialViews.Trial> trials) {
        Set<String> parameters = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (TrialViews.Trial t : trials) {
            parameters.addAll(t.parameters().keySet());
            metrics.addAll(t.metrics().keySet());
        }
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "number", "state", "configKey", "repeat", "enqueued",
                "workerId", "attempts", "createdAt", "startedAt", "finishedAt", "failureReason"));
        parameters.forEach(p -> header.add("param." + p));
        metrics.forEach(m -> header.add("metric." + m));
        row(out, header);
        for (TrialViews.Trial t : trials) {
            List<Object> cells = new ArrayList<>(List.of(t.id(), t.number(), t.state(), t.configKey(), t.repeat(),
                    t.enqueued()));
            cells.add(t.workerId());
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
