package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.Api;
import dev.hpo.cli.api.ApiOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Sends a study spec to the API; prints the new study's id, or every field the API found wrong. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a study from a spec file (see docs/study-spec.md); prints its id.")
public final class StudyCreateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Option(names = {"-f", "--file"}, required = true, description = "the study spec, JSON")
    Path file;

    @Override
    public Integer call() {
        Api api = apiOptions.connect();
        // Parsing locally first names a broken file by line; the API then judges the content, field by field.
        JsonNode specJson = JsonFiles.read(api.json(), file);
        JsonNode study = api.post("api/studies", specJson.toString());
        spec.commandLine().getOut().println(study.path("id").asText());
        spec.commandLine().getErr().println("created study " + study.path("id").asText() + " ("
                + study.path("name").asText() + "); follow it with: ./hpo study status "
                + study.path("id").asText() + " --watch");
        return 0;
    }
}
