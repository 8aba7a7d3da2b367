package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a study: no new trials; running trials are told to stop at their next report.")
public final class StudyStopCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Override
    public Integer call() {
        JsonNode stopped = study.connect().post("/stop");
        study.out().println("study " + stopped.path("id").asText() + " " + stopped.path("state").asText());
        return 0;
    }
}
