package dev.hpo.cli.study;

import dev.hpo.protocol.Confirm;
import dev.hpo.protocol.ConfirmationReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Asks a finished study for confirmation runs of its best configurations and of named trials. */
@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Train the best configurations of a finished study again, each on fresh subsets, and score",
                "them on images the search never used. The runs go to the workers like any trial;",
                "'hpo study report ID' shows their means and 95% intervals."})
public final class StudyConfirmCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Option(names = "--top", defaultValue = "1", description = "the best K configurations by the study's ranking "
            + "(0 to confirm only the --trial ones; default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--repeats", defaultValue = "10",
            description = "runs of each configuration, 2 to 100 (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--trial", paramLabel = "ID", description = "also confirm this trial's configuration, e.g. "
            + "the baseline (repeatable)")
    List<Long> trials = List.of();

    @Mixin
    JsonAnswerOption output;

    @Override
    public Integer call() {
        StudyResource resource = study.connect();
        ConfirmationReport report = resource.api().confirm(resource.id(), new Confirm(top, repeats, trials));
        if (output.printed(study.out(), report)) {
            return 0;
        }
        int runs = report.configurations().stream().mapToInt(c -> c.runs() - c.completed() - c.failed() - c.stopped()).sum();
        study.out().println(runs + " confirmation runs of " + report.configurations().size()
                + " configurations wait for workers; follow them with: ./hpo study report " + study.typedId());
        return 0;
    }
}
