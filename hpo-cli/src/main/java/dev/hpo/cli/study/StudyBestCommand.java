package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.ApiOptions;
import dev.hpo.cli.api.CliException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "best", mixinStandardHelpOptions = true,
        description = "The best configuration so far: constraint-aware, by the study's first objective.")
public final class StudyBestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "ID", description = "the study")
    String id;

    @Option(names = "--json", description = "print the API's answer as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        JsonNode answer = apiOptions.connect().get("api/studies/" + StudyIds.parse(id) + "/best");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(answer.toPrettyString());
            return 0;
        }
        JsonNode best = answer.path("best");
        if (best.isMissingNode() || best.isNull()) {
            throw new CliException(CliException.REFUSED, "study " + id + " has no completed trial yet");
        }
        String objective = answer.path("objective").path("goal").asText() + " "
                + answer.path("objective").path("metric").asText();
        out.println(candidate(best, objective));
        return 0;
    }

    /** A configuration with its metrics, as several labelled lines. */
    static String candidate(JsonNode best, String objective) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        if (!objective.isBlank()) {
            text.append("objective:  ").append(objective.trim()).append(nl);
        }
        text.append("metrics:    ").append(Format.metrics(best.path("metrics"), List.of("accuracy", "macs", "params")))
                .append(nl);
        text.append("parameters: ").append(Format.parameters(best.path("parameters"))).append(nl);
        text.append("trials:     ").append(best.path("trialIds").toString());
        if (!best.path("feasible").asBoolean(true)) {
            text.append(nl).append("note:       no configuration meets every constraint yet; this one comes"
                    + " closest (violation ").append(best.path("violation").asDouble()).append(')');
        }
        return text.toString();
    }
}
