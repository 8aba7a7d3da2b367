package dev.hpo.runner.worker;

import dev.hpo.protocol.client.Checksums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The files of one trial on its worker: the folder its process may write them to, and their upload. A file is
 * uploaded when the study keeps artifacts, it is a regular file no larger than the worker's limit, and its name is
 * a plain file name; any other is left out, and the log says why. The folder goes once its files were sent.
 */
final class TrialArtifacts {

    private static final int MAX_NAME = 255;

    private final long trialId;
    private final long maxBytes;
    private final Outbox outbox;
    private final Consumer<String> log;
    private Path directory;

    TrialArtifacts(long trialId, long maxBytes, Outbox outbox, Consumer<String> log) {
        this.trialId = trialId;
        this.maxBytes = maxBytes;
        this.outbox = outbox;
        this.log = log;
    }

    /** Creates the trial's folder, in the system's temporary folder. */
    void create() throws IOException {
        directory = Files.createTempDirectory("hpo-trial-" + trialId + "-");
    }

    Path directory() {
        return directory;
    }

    /**
     * Queues the upload of every file that may go; the trial's folder is deleted once the last was sent.
     *
     * @param keep whether the trial's study keeps artifacts
     */
    void upload(List<Path> files, boolean keep) {
        if (!files.isEmpty() && !keep) {
            log.accept("trial " + trialId + " named " + files.size() + " file(s), but its study keeps no artifacts:"
                    + " not uploaded");
        }
        List<Path> sendable = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        for (Path file : keep ? files : List.<Path>of()) {
            if (sendable(file)) {
                try {
                    checksums.add(Checksums.sha256(file));
                    sendable.add(file);
                } catch (UncheckedIOException e) {
                    log.accept("trial " + trialId + ": " + e.getMessage() + "; not uploaded");
                }
            }
        }
        if (sendable.isEmpty()) {
            discard();
            return;
        }
        for (int i = 0; i < sendable.size(); i++) {
            Path file = sendable.get(i);
            outbox.upload(trialId, file.getFileName().toString(), file, checksums.get(i),
                    i == sendable.size() - 1 ? this::discard : () -> { });
        }
    }

    /** Deletes the trial's folder and whatever is in it; files the trial wrote elsewhere stay. */
    void discard() {
        if (directory == null) {
            return;
        }
        try (Stream<Path> entries = Files.walk(directory)) {
            for (Path p : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.accept("could not delete the files of trial " + trialId + " in " + directory + ": " + e.getMessage());
        }
    }

    private boolean sendable(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            log.accept("trial " + trialId + " named " + file + ", which is not a file: not uploaded");
            return false;
        }
        if (name.length() > MAX_NAME || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            log.accept("trial " + trialId + " named " + file + ", whose name is not a plain file name of at most "
                    + MAX_NAME + " characters: not uploaded");
            return false;
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                log.accept(String.format(Locale.ROOT, "trial %d: %s is %.1f MB, more than --max-artifact-size "
                        + "(%.1f MB): not uploaded", trialId, file, size / 1e6, maxBytes / 1e6));
                return false;
            }
        } catch (IOException e) {
            log.accept("trial " + trialId + ": cannot read the size of " + file + ": not uploaded");
            return false;
        }
        return true;
    }
}
