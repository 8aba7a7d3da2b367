package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.ApiOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a study: no new trials; running trials are told to stop at their next report.")
public final class StudyStopCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "ID", description = "the study")
    String id;

    @Override
    public Integer call() {
        JsonNode study = apiOptions.connect().post("api/studies/" + StudyIds.parse(id) + "/stop");
        spec.commandLine().getOut().println("study " + study.path("id").asText() + " " + study.path("state").asText());
        return 0;
    }
}
