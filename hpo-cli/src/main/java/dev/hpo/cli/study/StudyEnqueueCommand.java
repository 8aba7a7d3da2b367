package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.Enqueue;
import dev.hpo.protocol.TrialView;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Enqueues a known configuration, e.g. the baseline, to run before the sampled ones. */
@Command(name = "enqueue", mixinStandardHelpOptions = true,
        description = {"Enqueue a known configuration to run first. The file holds the parameters,",
                "either as {\"width\": 0.5, ...} or as {\"parameters\": {...}}."})
public final class StudyEnqueueCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Option(names = {"-f", "--file"}, required = true, description = "the configuration, JSON")
    Path file;

    @Override
    public Integer call() {
        StudyResource resource = study.connect();
        JsonNode config = JsonFiles.read(file);
        JsonNode parameters = config.has("parameters") ? config.get("parameters") : config;
        if (!parameters.isObject()) {
            throw new CliException(CliException.USAGE, file + ": a configuration is a JSON object of parameter"
                    + " values");
        }
        if (parameters != config && config.size() > 1) {
            throw new CliException(CliException.USAGE, file + ": beside \"parameters\" the file may hold nothing");
        }
        for (TrialView trial : resource.api().enqueue(resource.id(), new Enqueue(JsonFiles.values(parameters)))) {
            study.out().println("enqueued trial " + trial.id() + " (repeat " + trial.repeat() + "): "
                    + Format.parameters(trial.parameters()));
        }
        return 0;
    }
}
