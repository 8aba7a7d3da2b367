package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.Api;
import dev.hpo.cli.api.ApiOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "A study's progress: trials finished by state, best so far, elapsed and remaining time.")
public final class StudyStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "ID", description = "the study")
    String id;

    @Option(names = "--watch", description = "keep the progress on screen, refreshed, until the study ends")
    boolean watch;

    @Option(names = "--interval", defaultValue = "2", description = "seconds between refreshes (default: 2)")
    int intervalSeconds;

    @Override
    public Integer call() throws InterruptedException {
        Api api = apiOptions.connect();
        long studyId = StudyIds.parse(id);
        PrintWriter out = spec.commandLine().getOut();
        if (!watch) {
            StudyProgress.render(api.get("api/studies/" + studyId), Instant.now()).forEach(out::println);
            return 0;
        }
        new StudyWatch(out, System.console() != null).follow(() -> api.get("api/studies/" + studyId),
                Duration.ofSeconds(Math.max(1, intervalSeconds)));
        return 0;
    }
}
