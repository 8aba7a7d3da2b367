package dev.hpo.cli.study;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.ConfirmationReport;
import dev.hpo.protocol.ConfirmedConfiguration;
import dev.hpo.protocol.MetricInterval;
import dev.hpo.protocol.StudyView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The confirmed results of a study: per configuration, its cost and the mean, spread and 95% interval of its runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Confirmed results: per confirmed configuration, MACs, parameters, and over its completed",
                "runs the mean accuracy (or the study's first objective), its standard deviation and 95% interval."})
public final class StudyConfirmationReportCommand implements Callable<Integer> {

    /** Metrics shown as the configuration's cost, not as a score. */
    private static final List<String> COST = List.of("macs", "params");

    @Mixin
    StudyTarget study;

    @Mixin
    JsonAnswerOption output;

    @Override
    public Integer call() {
        StudyResource resource = study.connect();
        ConfirmationReport report = resource.api().confirmations(resource.id());
        PrintWriter out = study.out();
        if (output.printed(out, report)) {
            return 0;
        }
        if (report.configurations().isEmpty()) {
            throw new CliException(CliException.REFUSED, "study " + study.typedId() + " has no confirmation runs; "
                    + "ask for them with: ./hpo study confirm " + study.typedId() + " --top 3 --repeats 10");
        }
        StudyView view = resource.api().study(resource.id());
        String score = scoreMetric(view.spec() == null ? null : view.spec().at("/objectives/0/metric").asText(null),
                report);
        out.println(table(report, score));
        return 0;
    }

    /** Accuracy when the runs report it (a HAET study's objective may be MACs), else the first objective. */
    static String scoreMetric(String firstObjective, ConfirmationReport report) {
        boolean accuracy = report.configurations().stream().anyMatch(c -> c.metrics().containsKey("accuracy"));
        return accuracy || firstObjective == null ? "accuracy" : firstObjective;
    }

    static String table(ConfirmationReport report, String score) {
        List<List<String>> rows = new ArrayList<>();
        for (ConfirmedConfiguration c : report.configurations()) {
            MetricInterval m = c.metrics().get(score);
            rows.add(List.of(
                    Long.toString(c.configKey()),
                    c.searchRank() == null ? "-" : Integer.toString(c.searchRank()),
                    cost(c, "macs"),
                    cost(c, "params"),
                    c.completed() + "/" + c.runs() + ended(c),
                    searched(c, score),
                    m == null ? "-" : fixed(m.mean()),
                    m == null ? "-" : fixed(m.standardDeviation()),
                    m == null || m.count() < 2 ? "-" : "[" + fixed(m.low()) + ", " + fixed(m.high()) + "]",
                    Format.parameters(c.parameters())));
        }
        return Format.table(List.of("config", "rank", "macs", "params", "runs", "search " + score,
                "mean " + score, "sd", "95% interval", "parameters"), rows);
    }

    private static String ended(ConfirmedConfiguration c) {
        List<String> parts = new ArrayList<>();
        if (c.failed() > 0) {
            parts.add(c.failed() + " failed");
        }
        if (c.stopped() > 0) {
            parts.add(c.stopped() + " stopped");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String cost(ConfirmedConfiguration c, String metric) {
        MetricInterval m = c.metrics().get(metric);
        Double searched = c.searchMetrics().get(metric);
        return m != null ? Format.count(m.mean()) : searched != null ? Format.count(searched) : "-";
    }

    private static String searched(ConfirmedConfiguration c, String score) {
        Double value = c.searchMetrics().get(score);
        return value == null ? "-" : fixed(value);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
