package dev.hpo.bench.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.arch.NetworkLayout;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.torch.EngineInput;
import dev.hpo.runner.torch.PyTorchEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Training throughput of the PyTorch engine's own step on random data: runs {@value #SCRIPT}, which this module
 * ships, in the engine's interpreter with the engine's package importable, so it builds and steps the network with
 * the engine's own code; its standard error passes through to this process's.
 */
final class TorchThroughput {

    static final String SCRIPT = "torch_throughput.py";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TorchThroughput() {
    }

    /**
     * Takes {@code warmupSteps} untimed steps, then steps for at least {@code seconds}.
     *
     * @return the script's {@code bench} event: imagesPerSecond, steps, medianStepSeconds, bf16, channelsLast,
     *     torch, threads
     * @throws IllegalStateException when the script reports an error or ends without figures
     */
    static JsonNode measure(PyTorchEngine engine, Device device, NetworkLayout layout, int batch, double seconds,
                            int warmupSteps, double samRho) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("hpo-bench-torch");
        Path script = directory.resolve(SCRIPT);
        try {
            try (InputStream in = TorchThroughput.class.getResourceAsStream(SCRIPT)) {
                Files.copy(Objects.requireNonNull(in, SCRIPT + " is not on the class path"), script);
            }
            List<String> arguments = List.of(script.toString(), "--layout", EngineInput.layout(layout).toString(),
                    "--device", device.toString(), "--batch-size", Integer.toString(batch), "--seconds",
                    Double.toString(seconds), "--warmup-steps", Integer.toString(warmupSteps), "--sam-rho",
                    Double.toString(samRho));
            Process process = engine.interpreter(arguments).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            Optional<JsonNode> last = lastEvent(process.getInputStream());
            int exit = process.waitFor();
            if (last.isPresent() && "bench".equals(last.get().path("event").asText())) {
                return last.get();
            }
            throw new IllegalStateException(last.map(event -> "the pytorch engine could not measure: "
                    + event.path("reason").asText()).orElse(SCRIPT + " ended without figures (exit code " + exit
                    + "); its standard error is above"));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(directory);
        }
    }

    /** The last event line the script printed; any other line goes on to standard error. */
    private static Optional<JsonNode> lastEvent(InputStream output) throws IOException {
        Optional<JsonNode> last = Optional.empty();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Optional<JsonNode> event = event(line);
                if (event.isPresent()) {
                    last = event;
                } else {
                    System.err.println(line);
                }
            }
        }
        return last;
    }

    private static Optional<JsonNode> event(String line) {
        if (!line.strip().startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(line);
            return node.hasNonNull("event") ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
