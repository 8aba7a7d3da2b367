package dev.hpo.cli.study;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "A study's progress: trials finished by state, best so far, elapsed and remaining time.")
public final class StudyStatusCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Option(names = "--watch", description = "keep the progress on screen, refreshed, until the study ends")
    boolean watch;

    @Option(names = "--interval", defaultValue = "2", description = "seconds between refreshes (default: 2)")
    int intervalSeconds;

    @Override
    public Integer call() throws InterruptedException {
        StudyResource resource = study.connect();
        PrintWriter out = study.out();
        if (!watch) {
            StudyProgress.render(resource.get(), Instant.now()).forEach(out::println);
            return 0;
        }
        new StudyWatch(out, System.console() != null).follow(() -> resource.get(),
                Duration.ofSeconds(Math.max(1, intervalSeconds)));
        return 0;
    }
}
