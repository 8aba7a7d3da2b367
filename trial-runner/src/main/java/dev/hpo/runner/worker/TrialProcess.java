package dev.hpo.runner.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One running trial process: its standard output read as {@link TrialEvent}s, the tail of its standard error kept
 * to explain a crash, and a kill that takes the whole process tree down.
 */
final class TrialProcess implements AutoCloseable {

    private static final int STDERR_TAIL_LINES = 12;
    private static final int REASON_LIMIT = 1500;

    private final Process process;
    private final BlockingQueue<TrialEvent> events = new LinkedBlockingQueue<>();
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile boolean stdoutClosed;

    private TrialProcess(Process process, String label, Consumer<String> log) {
        this.process = process;
        TrialEventParser parser = new TrialEventParser();
        this.stdoutReader = daemon(label + "-out", () -> readLines(process.getInputStream(), line -> {
            try {
                parser.parse(line).ifPresentOrElse(events::add, () -> log.accept(label + " | " + line));
            } catch (IllegalArgumentException e) {
                events.add(new TrialEvent.Failed("malformed trial output: " + e.getMessage()));
            }
        }, () -> stdoutClosed = true));
        this.stderrReader = daemon(label + "-err", () -> readLines(process.getErrorStream(), line -> {
            synchronized (stderrTail) {
                stderrTail.addLast(line);
                if (stderrTail.size() > STDERR_TAIL_LINES) {
                    stderrTail.removeFirst();
                }
            }
            log.accept(label + " ! " + line);
        }, () -> { }));
    }

    /**
     * Starts the command and writes {@code input} (the trial as JSON) to its standard input, then closes it.
     *
     * @throws IOException when the program cannot be started
     */
    static TrialProcess start(TrialCommand command, byte[] input, String label, Consumer<String> log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command.command());
        builder.environment().putAll(command.environment());
        Process process = builder.start();
        TrialProcess trial = new TrialProcess(process, label, log);
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException e) {
            // A process that exits without reading its input is judged by its exit, not by this write.
            log.accept(label + " did not read its input: " + e.getMessage());
        }
        return trial;
    }

    /** The next event, waiting at most {@code timeout}; empty when none arrived in time. */
    Optional<TrialEvent> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Whether the process has exited and every event it printed has been taken. */
    boolean ended() {
        return stdoutClosed && events.isEmpty() && !process.isAlive();
    }

    /** Waits for the exit, at most {@code timeout}; the exit code, or empty if it is still running. */
    Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.empty();
        }
        stdoutReader.join(2000);
        stderrReader.join(2000);
        return Optional.of(process.exitValue());
    }

    /** Why the process failed, from its exit code and its last lines of standard error. */
    String crashReason(int exitCode) {
        StringBuilder reason = new StringBuilder(describeExit(exitCode));
        synchronized (stderrTail) {
            if (!stderrTail.isEmpty()) {
                reason.append(": ").append(String.join(" | ", stderrTail));
            }
        }
        if (reason.length() > REASON_LIMIT) {
            return "..." + reason.substring(reason.length() - REASON_LIMIT);
        }
        return reason.toString();
    }

    /** Kills the process and everything it started, at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String describeExit(int code) {
        if (code > 128 && code < 160) {
            return "the trial process died with signal " + (code - 128) + " (exit code " + code + ")";
        }
        return "the trial process exited with code " + code;
    }

    private static void readLines(InputStream stream, Consumer<String> onLine, Runnable onEnd) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                onLine.accept(line);
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read so far stands.
        } finally {
            onEnd.run();
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
