package dev.hpo.cli.study;

import dev.hpo.cli.api.ApiOptions;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.client.ApiClient;
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
        ApiClient api = apiOptions.connect();
        // Parsing locally first names a broken file by line; the API then judges the content, field by field.
        String specJson = JsonFiles.read(file).toString();
        StudyView study = api.createStudy(specJson);
        spec.commandLine().getOut().println(study.id());
        spec.commandLine().getErr().println("created study " + study.id() + " (" + study.name() + "); follow it"
                + " with: ./hpo study status " + study.id() + " --watch");
        return 0;
    }
}
