package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = "The Pareto front of a two-objective study: configurations no other one beats on both.")
public final class StudyParetoCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Mixin
    JsonAnswerOption output;

    @Override
    public Integer call() {
        JsonNode answer = study.connect().get("/pareto");
        PrintWriter out = study.out();
        if (output.printed(out, answer)) {
            return 0;
        }
        List<String> metrics = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (JsonNode objective : answer.path("objectives")) {
            metrics.add(objective.path("metric").asText());
            header.add(objective.path("metric").asText().toUpperCase() + " (" + objective.path("goal").asText()
                    .toLowerCase() + ")");
        }
        header.add("TRIALS");
        header.add("PARAMETERS");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode candidate : answer.path("front")) {
            List<String> row = new ArrayList<>();
            for (String metric : metrics) {
                JsonNode value = candidate.path("metrics").path(metric);
                row.add(value.isNumber() ? Format.metric(metric, value.asDouble()) : "-");
            }
            row.add(candidate.path("trialIds").toString());
            row.add(Format.parameters(candidate.path("parameters")));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            out.println("no feasible completed configuration yet in study " + study.typedId());
            return 0;
        }
        out.print(Format.table(header, rows));
        return 0;
    }
}
