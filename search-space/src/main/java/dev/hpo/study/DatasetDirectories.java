package dev.hpo.study;

import java.util.Optional;

/**
 * What a spec's dataset folder may look like wherever it is read. A spec is sent to every worker of a study, so the
 * folder it names must stay inside the data roots each worker is started with; whether an absolute folder lies
 * inside them only the worker can tell, but a folder that climbs out with {@code ..} or carries characters no
 * folder name should hold is refused here, when the study is created, instead of on every worker.
 */
final class DatasetDirectories {

    /** Longer than any path Linux resolves (PATH_MAX). */
    static final int MAX_LENGTH = 4096;

    private DatasetDirectories() {
    }

    /** Why {@code directory} can never name a dataset folder, or empty when a worker may look for it. */
    static Optional<String> problem(String directory) {
        if (directory.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (directory.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters, got " + directory.length());
        }
        for (int i = 0; i < directory.length(); i++) {
            char c = directory.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("must not contain control characters, got " + (c == 0 ? "NUL" : "U+"
                        + String.format("%04X", (int) c)) + " at position " + i);
            }
        }
        for (String segment : directory.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                return Optional.of("must not contain '..' segments: a dataset folder lies inside the data roots "
                        + "of the workers, got \"" + directory + "\"");
            }
        }
        return Optional.empty();
    }
}
