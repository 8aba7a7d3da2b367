package dev.hpo.cli.study;

import dev.hpo.protocol.Candidate;
import dev.hpo.protocol.Pareto;
import dev.hpo.study.Objective;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        StudyResource resource = study.connect();
        Pareto answer = resource.api().pareto(resource.id());
        PrintWriter out = study.out();
        if (output.printed(out, answer)) {
            return 0;
        }
        List<String> header = new ArrayList<>();
        for (Objective objective : answer.objectives()) {
            header.add(objective.metric().toUpperCase(Locale.ROOT) + " (" + objective.goal().name()
                    .toLowerCase(Locale.ROOT) + ")");
        }
        header.add("TRIALS");
        header.add("PARAMETERS");
        List<List<String>> rows = new ArrayList<>();
        for (Candidate candidate : answer.front()) {
            List<String> row = new ArrayList<>();
            for (Objective objective : answer.objectives()) {
                Double value = candidate.metrics().get(objective.metric());
                row.add(value == null ? "-" : Format.metric(objective.metric(), value));
            }
            row.add(Format.ids(candidate.trialIds()));
            row.add(Format.parameters(candidate.parameters()));
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
