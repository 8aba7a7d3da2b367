package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.ApiOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the studies.")
public final class StudyListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Override
    public Integer call() {
        JsonNode studies = apiOptions.connect().get("api/studies");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode study : studies) {
            long finished = 0;
            for (String state : List.of("COMPLETE", "FAILED", "PRUNED", "STOPPED")) {
                finished += study.path("trialCounts").path(state).asLong(0);
            }
            rows.add(List.of(study.path("id").asText(), study.path("name").asText(), study.path("state").asText(),
                    finished + "/" + study.path("trialCapacity").asLong(), study.path("createdAt").asText(""),
                    StudyProgress.best(study).replaceFirst("^best: ", "")));
        }
        if (rows.isEmpty()) {
            spec.commandLine().getErr().println("no studies yet; create one with: ./hpo study create -f spec.json");
            return 0;
        }
        spec.commandLine().getOut().print(Format.table(List.of("ID", "NAME", "STATE", "FINISHED", "CREATED", "BEST"),
                rows));
        return 0;
    }
}
