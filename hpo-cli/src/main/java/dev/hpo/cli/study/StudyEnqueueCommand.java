package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.Api;
import dev.hpo.cli.api.CliException;
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
        Api api = resource.api();
        JsonNode config = JsonFiles.read(api.json(), file);
        if (!config.isObject()) {
            throw new CliException(2, file + ": a configuration is a JSON object of parameter values");
        }
        ObjectNode body = config.has("parameters") ? (ObjectNode) config : api.json().createObjectNode();
        if (!config.has("parameters")) {
            body.set("parameters", config);
        }
        JsonNode created = resource.post("/trials", body.toString());
        for (JsonNode trial : created) {
            study.out().println("enqueued trial " + trial.path("id").asText() + " (repeat "
                    + trial.path("repeat").asInt() + "): " + Format.parameters(trial.path("parameters")));
        }
        return 0;
    }
}
