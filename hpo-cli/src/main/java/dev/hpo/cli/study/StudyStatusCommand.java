package dev.hpo.cli.study;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.Page;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.TrialView;
import dev.hpo.study.Durations;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "A study's progress: trials finished by state, best so far, elapsed and remaining time, and"
                + " how far its running trials got in the study's fidelity unit.")
public final class StudyStatusCommand implements Callable<Integer> {

    /** Refreshing more often shows nothing new and only loads the API. */
    private static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    @Mixin
    StudyTarget study;

    @Option(names = "--watch", description = "keep the progress on screen, refreshed, until the study ends")
    boolean watch;

    @Option(names = "--interval", defaultValue = "2s",
            description = "time between refreshes, at least a second (default: ${DEFAULT-VALUE})")
    String interval;

    @Override
    public Integer call() throws InterruptedException {
        Duration refresh;
        try {
            refresh = Durations.positive("--interval", interval);
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, e.getMessage());
        }
        StudyResource resource = study.connect();
        PrintWriter out = study.out();
        if (!watch) {
            lines(resource, resource.api().study(resource.id())).forEach(out::println);
            return 0;
        }
        new StudyWatch(out, System.console() != null).follow(() -> resource.api().study(resource.id()),
                s -> lines(resource, s), refresh.compareTo(SHORTEST_INTERVAL) < 0 ? SHORTEST_INTERVAL : refresh);
        return 0;
    }

    /** The study's progress, with its first running trials' while it runs. */
    private static List<String> lines(StudyResource resource, StudyView study) {
        Page<TrialView> running = study.state() == StudyState.RUNNING
                ? resource.api().trials(resource.id(), TrialState.RUNNING, 0, StudyProgress.RUNNING_SHOWN) : null;
        return StudyProgress.render(study, running, Instant.now());
    }
}
