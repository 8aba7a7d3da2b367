package dev.hpo.cli.study;

import dev.hpo.cli.api.ApiOptions;
import dev.hpo.protocol.StudyView;
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
        List<List<String>> rows = new ArrayList<>();
        for (StudyView study : apiOptions.connect().studies()) {
            rows.add(List.of(String.valueOf(study.id()), study.name(), study.state().name(),
                    StudyProgress.finished(study) + "/" + study.trialCapacity(),
                    study.createdAt() == null ? "" : study.createdAt().toString(),
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
