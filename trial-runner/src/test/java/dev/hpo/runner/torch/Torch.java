package dev.hpo.runner.torch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.runner.engine.EngineSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The PyTorch engine these tests train with, found once: tests that need torch are skipped, saying why, only
 * where no interpreter has it (the test script installs Debian's python3-torch). The benchmarks' tests use it too,
 * through this module's test jar.
 */
public final class Torch {

    private static PyTorchEngine engine;
    private static String missing;

    private Torch() {
    }

    public static synchronized PyTorchEngine engine() {
        if (engine == null && missing == null) {
            try {
                engine = new PyTorchEngineFactory().create(EngineSettings.defaults());
            } catch (IllegalArgumentException e) {
                missing = e.getMessage();
            }
        }
        assumeTrue(engine != null, () -> "no Python with torch here: " + missing);
        return engine;
    }

    /** Runs one of the engine's commands and returns its first event. */
    static JsonNode event(List<String> arguments, byte[] input) throws IOException, InterruptedException {
        try (EngineProcess process = engine().start(arguments)) {
            process.input(input);
            Optional<JsonNode> event = process.next(Duration.ofMinutes(2));
            if (event.isEmpty()) {
                throw new AssertionError(process.crashReason());
            }
            return event.get();
        }
    }
}
