package dev.hpo.cli.study;

import dev.hpo.protocol.Candidate;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.client.ApiClient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A study's progress and final summary, for commands that run a study themselves (demo). */
public final class StudyReport {

    private StudyReport() {
    }

    /** The progress lines of a study as {@code GET /api/studies/{id}} returns it. */
    public static List<String> progress(StudyView study) {
        return StudyProgress.render(study, Instant.now());
    }

    /** The study's end: its state and counts, then its best trial with accuracy, MACs and parameters. */
    public static String summary(ApiClient api, StudyView study) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        List<String> lines = progress(study);
        text.append(lines.get(0)).append(nl).append(lines.get(1)).append(nl);
        Candidate best = api.best(study.id()).best();
        if (best == null) {
            return text.append("no trial completed, so there is no best trial; see ./hpo study trials ")
                    .append(study.id()).append(" --api ").append(api.base()).append(nl).toString();
        }
        text.append("best trial ").append(best.trialIds().size() == 1 ? String.valueOf(best.trialIds().get(0))
                : Format.ids(best.trialIds())).append(nl);
        text.append("  accuracy:   ").append(value(best, "accuracy")).append(nl);
        text.append("  MACs:       ").append(value(best, "macs")).append(nl);
        text.append("  parameters: ").append(value(best, "params")).append(nl);
        text.append("  config:     ").append(Format.parameters(best.parameters())).append(nl);
        if (!best.feasible()) {
            text.append("  note:       no trial met every constraint; this one came closest").append(nl);
        }
        return text.toString();
    }

    private static String value(Candidate best, String name) {
        Double v = best.metrics().get(name);
        if (v == null) {
            return "-";
        }
        return name.equals("accuracy") ? String.format(Locale.ROOT, "%.4f", v)
                : Format.count(v) + " (" + v.longValue() + ")";
    }
}
