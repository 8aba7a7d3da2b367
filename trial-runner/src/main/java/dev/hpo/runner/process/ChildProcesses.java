package dev.hpo.runner.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What the worker and the PyTorch engine both do with the processes they start: read each output stream line by
 * line on a thread of its own, and say how a process ended in words a trial's failure reason can carry.
 */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    /**
     * Reads {@code stream} on a daemon thread named {@code name}, handing each line to {@code onLine} and calling
     * {@code onEnd} once the stream closes (the process ended or was killed; what was read so far stands).
     */
    public static Thread readLines(String name, InputStream stream, Consumer<String> onLine, Runnable onEnd) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException closedByAKill) {
                // Nothing more to read.
            } finally {
                onEnd.run();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** An exit code as words: a signal's number (codes 129-159 are 128 + the signal) or the code itself. */
    public static String exit(int code) {
        if (code > 128 && code < 160) {
            return "died with signal " + (code - 128) + " (exit code " + code + ")";
        }
        return "exited with code " + code;
    }
}
