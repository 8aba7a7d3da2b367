package dev.hpo.runner.torch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Python interpreter the engine runs in, which must have torch.
 *
 * <p>An interpreter named by the user ({@code --python}, {@code HPO_PYTHON}) is taken as is: a worker names the one
 * it found for its trial processes, so they do not pay for the search within their time caps, and an interpreter
 * without torch is reported by the engine itself when it starts. Otherwise {@code python3} is asked first, then
 * {@code /usr/bin/python3} (where Debian's python3-torch lives when {@code python3} is another installation).
 *
 * @param executable the interpreter's command or path
 */
record TorchPython(String executable) {

    static final List<String> DEFAULT_CANDIDATES = List.of("python3", "/usr/bin/python3");

    private static final Duration PROBE_LIMIT = Duration.ofMinutes(2);
    private static final String FIX = "Install torch for it (Debian: apt-get install python3-torch; elsewhere:"
            + " pip install torch), or name an interpreter that has it with --python PATH or HPO_PYTHON.";

    /**
     * @throws IllegalArgumentException when a named interpreter is a path that does not exist, or none of the
     *     default ones has torch, naming each one tried and what it said
     */
    static TorchPython locate(Optional<String> named, Path sources) {
        return locate(named, sources, DEFAULT_CANDIDATES);
    }

    /** As {@link #locate(Optional, Path)}, asking {@code candidates} in order when none is named. */
    static TorchPython locate(Optional<String> named, Path sources, List<String> candidates) {
        if (named.isPresent()) {
            String python = named.get();
            if (python.contains("/") && !Files.isExecutable(Path.of(python))) {
                throw new IllegalArgumentException("--python " + python + " is not an executable file");
            }
            return new TorchPython(python);
        }
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            Probe probe = probe(candidate, sources);
            if (probe.torchVersion().isPresent()) {
                return new TorchPython(candidate);
            }
            tried.add(candidate + " (" + probe.problem() + ")");
        }
        throw new IllegalArgumentException("the pytorch engine needs a Python interpreter with torch; tried "
                + String.join(", ", tried) + ". " + FIX);
    }

    /** What an interpreter that cannot run the engine should be told to do about it. */
    static String fix() {
        return FIX;
    }

    private record Probe(Optional<String> torchVersion, String problem) {
    }

    private static Probe probe(String candidate, Path sources) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (EngineProcess process = EngineProcess.start(candidate, sources, List.of("check"), quiet)) {
            Optional<JsonNode> answer = process.next(PROBE_LIMIT);
            if (answer.isEmpty()) {
                return new Probe(Optional.empty(), "no answer within " + PROBE_LIMIT.toSeconds() + " s");
            }
            JsonNode event = answer.get();
            if ("check".equals(event.path("event").asText())) {
                return new Probe(Optional.of(event.path("torch").asText()), "");
            }
            return new Probe(Optional.empty(), "torch-missing".equals(event.path("kind").asText())
                    ? "no torch: " + event.path("reason").asText() : event.path("reason").asText());
        } catch (IOException e) {
            return new Probe(Optional.empty(), "cannot start it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(Optional.empty(), "interrupted");
        }
    }
}
