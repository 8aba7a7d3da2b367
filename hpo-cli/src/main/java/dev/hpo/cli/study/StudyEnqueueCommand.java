package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.Api;
import dev.hpo.cli.api.ApiOptions;
import dev.hpo.cli.api.CliException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Enqueues a known configuration, e.g. the baseline, to run before the sampled ones. */
@Command(name = "enqueue", mixinStandardHelpOptions = true,
        description = {"Enqueue a known configuration to run first. The file holds the parameters,",
                "either as {\"width\": 0.5, ...} or as {\"parameters\": {...}}."})
public final class StudyEnqueueCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "ID", description = "the study")
    String id;

    @Option(names = {"-f", "--file"}, required = true, description = "the configuration, JSON")
    Path file;

    @Override
    public Integer call() {
        Api api = apiOptions.connect();
        long studyId = StudyIds.parse(id);
        JsonNode config = JsonFiles.read(api.json(), file);
        if (!config.isObject()) {
            throw new CliException(2, file + ": a configuration is a JSON object of parameter values");
        }
        ObjectNode body = config.has("parameters") ? (ObjectNode) config : api.json().createObjectNode();
        if (!config.has("parameters")) {
            body.set("parameters", config);
        }
        JsonNode created = api.post("api/studies/" + studyId + "/trials", body.toString());
        for (JsonNode trial : created) {
            spec.commandLine().getOut().println("enqueued trial " + trial.path("id").asText() + " (repeat "
                    + trial.path("repeat").asInt() + "): " + Format.parameters(trial.path("parameters")));
        }
        return 0;
    }
}
