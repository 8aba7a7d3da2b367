package dev.hpo.runner.worker;

import dev.hpo.runner.process.ChildProcesses;
import dev.hpo.runner.process.LastLines;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
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
    private final LastLines stderrTail = new LastLines(STDERR_TAIL_LINES);
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile boolean stdoutClosed;

    private TrialProcess(Process process, String label, Consumer<String> log) {
        this.process = process;
        TrialEventParser parser = new TrialEventParser();
        this.stdoutReader = ChildProcesses.readLines(label + "-out", process.getInputStream(), line -> {
            try {
                parser.parse(line).ifPresentOrElse(events::add, () -> log.accept(label + " | " + line));
            } catch (IllegalArgumentException e) {
                events.add(new TrialEvent.Failed("malformed trial output: " + e.getMessage()));
            }
        }, () -> stdoutClosed = true);
        this.stderrReader = ChildProcesses.readLines(label + "-err", process.getErrorStream(), line -> {
            stderrTail.add(line);
            log.accept(label + " ! " + line);
        }, () -> { });
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
        StringBuilder reason = new StringBuilder("the trial process " + ChildProcesses.exit(exitCode));
        String tail = stderrTail.joined(" | ");
        if (!tail.isEmpty()) {
            reason.append(": ").append(tail);
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
}
