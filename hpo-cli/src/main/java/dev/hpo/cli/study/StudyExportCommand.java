package dev.hpo.cli.study;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints a finished study as the API's archive document, byte for byte, for {@code hpo study import} elsewhere. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Print a finished study as one JSON document: its spec, every trial, every measurement of",
                "every attempt and references to the files kept of trials. Load it into any API with",
                "hpo study import FILE, e.g. ./hpo study export 3 > study-3.json"})
public final class StudyExportCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Override
    public Integer call() {
        StudyResource resource = study.connect();
        String archive = resource.api().exportStudy(resource.id());
        study.out().println(archive);
        study.out().flush();
        return 0;
    }
}
