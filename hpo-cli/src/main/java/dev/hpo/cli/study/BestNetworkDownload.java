package dev.hpo.cli.study;

import dev.hpo.cli.api.CliException;
import dev.hpo.protocol.ArtifactView;
import dev.hpo.protocol.Best;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * {@code hpo study best ID --download FILE}: the best configuration's kept file, from the first of its trials that
 * has one, downloaded beside FILE and moved into place once its checksum matched, so FILE is never half written.
 */
final class BestNetworkDownload {

    private BestNetworkDownload() {
    }

    static int save(StudyResource study, String typedId, Best best, Path target, PrintWriter out) {
        if (best.best() == null) {
            throw new CliException(CliException.REFUSED, "study " + typedId + " has no completed trial yet");
        }
        for (long trialId : best.best().trialIds()) {
            List<ArtifactView> files = study.api().artifacts(study.id(), trialId).stream()
                    .filter(ArtifactView::available).toList();
            if (files.isEmpty()) {
                continue;
            }
            ArtifactView file = files.get(0);
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            String sha256 = study.api().downloadArtifact(study.id(), trialId, file.name(), partial);
            try {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new CliException(CliException.USAGE, "cannot write " + target + ": " + e.getMessage());
            }
            out.printf(Locale.ROOT, "saved %s of trial %d (%d bytes, sha256 %s) to %s%n", file.name(), trialId,
                    file.sizeBytes(), sha256, target);
            return 0;
        }
        throw new CliException(CliException.REFUSED, "study " + typedId + " kept no file of its best configuration "
                + "(trials " + Format.ids(best.best().trialIds()) + "): its spec needs \"artifacts\": {\"keep\": K}"
                + " for its trials to keep their networks");
    }
}
