package dev.hpo.cli.study;

import dev.hpo.protocol.StudyView;
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
        StudyResource resource = study.connect();
        StudyView stopped = resource.api().stopStudy(resource.id());
        study.out().println("study " + stopped.id() + " " + stopped.state());
        return 0;
    }
}
