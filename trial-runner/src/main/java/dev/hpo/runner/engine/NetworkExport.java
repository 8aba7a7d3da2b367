package dev.hpo.runner.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks an engine to save a completed trial's trained network, with what predicting needs beside it.
 *
 * @param file where the network goes; written only when the trial completes
 * @param study the draws of the trial's study, absent for a trial run on its own
 */
public record NetworkExport(Path file, Optional<StudyDraws> study) {

    public NetworkExport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(study, "study");
    }
}
