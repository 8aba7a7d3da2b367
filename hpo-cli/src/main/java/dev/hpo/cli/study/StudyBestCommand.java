package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.CliException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "best", mixinStandardHelpOptions = true,
        description = "The best configuration so far: constraint-aware, by the study's first objective.")
public final class StudyBestCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Mixin
    JsonAnswerOption output;

    @Override
    public Integer call() throws Exception {
        JsonNode answer = study.connect().get("/best");
        PrintWriter out = study.out();
        if (output.printed(out, answer)) {
            return 0;
        }
        JsonNode best = answer.path("best");
        if (best.isMissingNode() || best.isNull()) {
            throw new CliException(CliException.REFUSED, "study " + study.typedId() + " has no completed trial yet");
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
