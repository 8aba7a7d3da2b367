package dev.hpo.cli.study;

import dev.hpo.protocol.ArtifactView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hpo study artifacts ID TRIAL}: the files kept of one trial of a study. */
@Command(name = "artifacts", mixinStandardHelpOptions = true,
        description = "List the files kept of a trial (its trained network): name, size, SHA-256 and when stored.")
public final class StudyArtifactsCommand implements Callable<Integer> {

    @Mixin
    StudyTarget study;

    @Mixin
    JsonAnswerOption output;

    @Parameters(index = "1", paramLabel = "TRIAL", description = "the trial's id")
    long trialId;

    @Override
    public Integer call() {
        StudyResource resource = study.connect();
        List<ArtifactView> files = resource.api().artifacts(resource.id(), trialId);
        PrintWriter out = study.out();
        if (output.printed(out, files)) {
            return 0;
        }
        if (files.isEmpty()) {
            out.println("trial " + trialId + " has no files kept");
            return 0;
        }
        out.println(Format.table(List.of("name", "bytes", "sha256", "created"), files.stream()
                .map(f -> List.of(f.name() + (f.available() ? "" : " (not carried by the import)"),
                        Long.toString(f.sizeBytes()), f.sha256(), f.createdAt().toString())).toList()));
        return 0;
    }
}
