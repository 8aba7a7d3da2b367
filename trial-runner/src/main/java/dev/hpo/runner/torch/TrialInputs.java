package dev.hpo.runner.torch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where trials' engine inputs are written: one directory per trial under {@code hpo-torch-trials} in the temporary
 * directory, named after the trial process. A trial process killed outright (at its hard cap, or with its worker)
 * cannot remove its input; the next trial on the machine removes the inputs of processes that are gone.
 */
final class TrialInputs {

    private static final String ROOT = "hpo-torch-trials";

    private TrialInputs() {
    }

    /** A new, empty directory for this process's next trial, after removing those of processes that are gone. */
    static Path create() throws IOException {
        Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), ROOT));
        removeAbandoned(root);
        return Files.createTempDirectory(root, ProcessHandle.current().pid() + "-");
    }

    private static void removeAbandoned(Path root) throws IOException {
        try (DirectoryStream<Path> inputs = Files.newDirectoryStream(root)) {
            for (Path input : inputs) {
                String name = input.getFileName().toString();
                int dash = name.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(name.substring(0, dash));
                    if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                        EngineSources.deleteTree(input);
                    }
                } catch (NumberFormatException | IOException e) {
                    // Not a trial input, or being removed by another process: left alone.
                }
            }
        }
    }
}
