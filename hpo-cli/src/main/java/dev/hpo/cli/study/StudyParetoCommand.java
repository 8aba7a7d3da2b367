package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.ApiOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = "The Pareto front of a two-objective study: configurations no other one beats on both.")
public final class StudyParetoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "ID", description = "the study")
    String id;

    @Option(names = "--json", description = "print the API's answer as JSON")
    boolean json;

    @Override
    public Integer call() {
        JsonNode answer = apiOptions.connect().get("api/studies/" + StudyIds.parse(id) + "/pareto");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer.toPrettyString());
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
            out.println("no feasible completed configuration yet in study " + id);
            return 0;
        }
        out.print(Format.table(header, rows));
        return 0;
    }
}
