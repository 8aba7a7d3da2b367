package dev.hpo.cli.study;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.Best;
import dev.hpo.protocol.Candidate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "best", mixinStandardHelpOptions = true,
        description = "The best configuration so far: constraint-aware, by the study's first objective.")
public final class StudyBestCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Mixin
    JsonAnswerOption output;

    @Option(names = "--download", paramLabel = "FILE",
            description = "save the best configuration's trained network (a file its study kept) to FILE")
    Path download;

    @Override
    public Integer call() throws Exception {
        StudyResource resource = study.connect();
        Best answer = resource.api().best(resource.id());
        PrintWriter out = study.out();
        if (download != null) {
            return BestNetworkDownload.save(resource, study.typedId(), answer, download, out);
        }
        if (output.printed(out, answer)) {
            return 0;
        }
        if (answer.best() == null) {
            throw new CliException(CliException.REFUSED, "study " + study.typedId() + " has no completed trial yet");
        }
        String objective = answer.objective().goal() + " " + answer.objective().metric();
        out.println(candidate(answer.best(), objective));
        return 0;
    }

    /** A configuration with its metrics, as several labelled lines. */
    static String candidate(Candidate best, String objective) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        if (!objective.isBlank()) {
            text.append("objective:  ").append(objective.trim()).append(nl);
        }
        text.append("metrics:    ").append(Format.metrics(best.metrics(), List.of("accuracy", "macs", "params")))
                .append(nl);
        text.append("parameters: ").append(Format.parameters(best.parameters())).append(nl);
        text.append("trials:     ").append(Format.ids(best.trialIds()));
        if (!best.feasible()) {
            text.append(nl).append("note:       no configuration meets every constraint yet; this one comes"
                    + " closest (violation ").append(best.violation()).append(')');
        }
        return text.toString();
    }
}
