package dev.hpo.cli.study;

import dev.hpo.cli.api.ApiOptions;
import dev.hpo.protocol.StudyView;
import dev.hpo.protocol.client.ApiClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Loads a study archive into the API; prints the new study's id, or every field the API found wrong. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Load a study written by hpo study export into this API, as a new finished study with new",
                "ids (renamed with -imported when its name is taken here); prints its id."})
public final class StudyImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE", description = "the study archive, JSON")
    Path file;

    @Override
    public Integer call() {
        ApiClient api = apiOptions.connect();
        // Parsing locally first names a broken file by line; the API then judges the content, field by field.
        String archive = JsonFiles.read(file).toString();
        StudyView study = api.importStudy(archive);
        spec.commandLine().getOut().println(study.id());
        spec.commandLine().getErr().println("imported study " + study.id() + " (" + study.name() + ", "
                + study.state() + ", " + study.trialsCreated() + " trials); browse it with: ./hpo study status "
                + study.id());
        return 0;
    }
}
