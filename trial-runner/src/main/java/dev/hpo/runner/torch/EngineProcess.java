package dev.hpo.runner.torch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.runner.process.ChildProcesses;
import dev.hpo.runner.process.LastLines;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of the engine's Python package: its events read from standard output (one JSON object per line, see
 * {@code hpo_torch/events.py}), its standard error passed on to this process's and its tail kept to explain a
 * crash, and answers written to its standard input. Closing it kills the process if it still runs.
 */
final class EngineProcess implements AutoCloseable {

    private static final int STDERR_TAIL_LINES = 12;
    private static final int REASON_LIMIT = 1500;

    private final Process process;
    private final String program;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final LastLines stderrTail = new LastLines(STDERR_TAIL_LINES);
    private final OutputStream stdin;
    private volatile boolean stdoutClosed;

    private EngineProcess(Process process, String program, PrintStream log) {
        this.process = process;
        this.program = program;
        this.stdin = process.getOutputStream();
        ObjectMapper json = new ObjectMapper();
        ChildProcesses.readLines("pytorch-engine-out", process.getInputStream(), line -> {
            Optional<JsonNode> event = parse(json, line);
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                log.println(line);
            }
        }, () -> stdoutClosed = true);
        ChildProcesses.readLines("pytorch-engine-err", process.getErrorStream(), line -> {
            stderrTail.add(line);
            log.println(line);
        }, () -> { });
    }

    /**
     * Starts {@code python -m hpo_torch} with {@code arguments}, the unpacked package on its path.
     *
     * @param log where the engine's standard error and stray output lines go
     * @throws IOException when the interpreter cannot be started
     */
    static EngineProcess start(String python, Path sources, List<String> arguments, PrintStream log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("-m", EngineSources.PACKAGE));
        command.addAll(arguments);
        return new EngineProcess(interpreter(python, sources, command).start(), python, log);
    }

    /** {@code python} running {@code arguments}, the unpacked package {@code sources} first on its path. */
    static ProcessBuilder interpreter(String python, Path sources, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(python));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        String path = System.getenv("PYTHONPATH");
        builder.environment().put("PYTHONPATH", sources + (path == null || path.isBlank() ? "" : ":" + path));
        builder.environment().put("PYTHONUNBUFFERED", "1");
        // The unpacked package is shared by every trial process: none writes into it.
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return builder;
    }

    /** The next event, waiting at most {@code timeout}; empty when none came in time. */
    Optional<JsonNode> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(events.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Whether the engine closed its output and every event it printed has been taken. */
    boolean finished() {
        return stdoutClosed && events.isEmpty();
    }

    /** Writes {@code bytes} to the engine's standard input and closes it. */
    void input(byte[] bytes) throws IOException {
        try (stdin) {
            stdin.write(bytes);
        }
    }

    /** Writes one line to the engine's standard input. */
    void answer(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The engine is gone; its exit explains why, and the caller reads that next.
        }
    }

    /** Why the engine ended without a result: its exit and the last lines of its standard error. */
    String crashReason() throws InterruptedException {
        String exit = process.waitFor(5, TimeUnit.SECONDS) ? ChildProcesses.exit(process.exitValue())
                : "still running";
        String tail = stderrTail.joined("\n").strip();
        String reason = "the pytorch engine (" + program + ") ended without a result: " + exit
                + (tail.isEmpty() ? "" : ": " + tail);
        return reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) + "..." : reason;
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<JsonNode> parse(ObjectMapper json, String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(trimmed);
            return node.hasNonNull("event") ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
