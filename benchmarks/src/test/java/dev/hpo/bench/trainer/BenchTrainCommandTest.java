package dev.hpo.bench.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.bench.CommandBenchmark;
import dev.hpo.runner.torch.Torch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchTrainCommandTest {

    /** What both engines report about the network and the run, before their own figures. */
    private static final List<String> COMMON = List.of("engine", "device", "family", "input", "depth", "width",
            "batch", "samRho", "macs", "params", "warmupSteps");
    private static final List<String> TIMING = List.of("steps", "imagesPerSecond", "medianStepSeconds",
            "medianImagesPerSecond");

    /** A tiny ResNet-9, timed for half a second after one warm-up step. */
    private static final String[] TINY = {"--input", "1x12x12", "--width", "0.125", "--depth", "0.4", "--batch", "8",
        "--seconds", "0.5", "--warmup-steps", "1"};

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandBenchmark(BenchTrainCommand::new).commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static String[] tiny(String... more) {
        List<String> args = new ArrayList<>(List.of(TINY));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--input 3x32|input shape must be CxHxW",
        "--seconds 0|--seconds must be positive",
        "--warmup-steps -1|--warmup-steps must be >= 0",
        "--family vgg|unknown model family 'vgg'",
        "--engine torch|unknown engine 'torch', available: dl4j, pytorch",
        "--device gpu0|--device must be cpu or cuda:N",
    })
    void rejectsBadArgumentsWithAClearMessage(String args, String message) {
        int exit = run(args.split(" "));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("hpo bench train: ").contains(message).doesNotContain("Exception");
    }

    @Test
    void dl4jPrintsItsThroughputAsJson() throws Exception {
        int exit = run(tiny("--engine", "dl4j"));

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        List<String> fields = new ArrayList<>(COMMON);
        fields.add("oneDnnHelpers");
        fields.addAll(TIMING);
        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(fields);
        assertThat(json.get("engine").asText()).isEqualTo("dl4j");
        assertThat(json.get("input").asText()).isEqualTo("1x12x12");
        assertThat(json.get("imagesPerSecond").asDouble()).isPositive();
        assertThat(json.get("oneDnnHelpers").asBoolean()).isTrue();
        assertThat(json.get("steps").asInt()).isPositive();
    }

    @Test
    void pytorchPrintsItsThroughputAsJson() throws Exception {
        Torch.engine();

        int exit = run(tiny("--engine", "pytorch"));

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        List<String> fields = new ArrayList<>(COMMON);
        fields.addAll(List.of("torch", "threads", "bf16", "channelsLast"));
        fields.addAll(TIMING);
        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(fields);
        assertThat(json.get("engine").asText()).isEqualTo("pytorch");
        assertThat(json.get("device").asText()).isEqualTo("cpu");
        assertThat(json.get("torch").asText()).isNotBlank();
        assertThat(json.get("channelsLast").asBoolean()).as("channels-last is for CUDA only").isFalse();
        assertThat(json.get("steps").asInt()).as("steps are timed in chunks of five").isPositive()
                .satisfies(steps -> assertThat(steps % 5).isZero());
        assertThat(json.get("imagesPerSecond").asDouble()).isPositive();
    }
}
