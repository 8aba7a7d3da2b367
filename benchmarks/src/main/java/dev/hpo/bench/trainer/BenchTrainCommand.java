package dev.hpo.bench.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.options.EngineOption;
import dev.hpo.runner.options.NetworkScaleOptions;
import dev.hpo.runner.torch.PyTorchEngine;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpo bench train}: training throughput on random data after a warm-up. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Training throughput (images/s) of an engine on random data, after a warm-up.")
public final class BenchTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--family", defaultValue = "resnet9")
    String family;

    @Option(names = "--input", defaultValue = "3x32x32", description = "CxHxW.")
    String input;

    @Option(names = "--classes", defaultValue = "10")
    int classes;

    @Mixin
    NetworkScaleOptions scale;

    @Option(names = {"--batch-size", "--batch"}, defaultValue = "128")
    int batch;

    @Mixin
    EngineOption engineOption = new EngineOption();

    @Option(names = "--seconds", defaultValue = "30", description = "Measured time after the warm-up.")
    double seconds;

    @Option(names = "--warmup-steps", defaultValue = "3")
    int warmupSteps;

    @Option(names = "--sam-rho", defaultValue = "0")
    double samRho;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("--warmup-steps must be >= 0, got " + warmupSteps);
        }
        ArchitectureSpec architecture = new ArchitectureSpec(ModelFamily.fromId(family), InputShape.parse(input),
                classes, scale.depth(), scale.width(), 1);
        TrainingEngine engine = engineOption.engine();
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("engine", engine.name())
                .put("device", engineOption.settings().device().toString())
                .put("family", architecture.family().id())
                .put("input", architecture.scaledInput().toString())
                .put("depth", scale.depth())
                .put("width", scale.width())
                .put("batch", batch)
                .put("samRho", samRho)
                .put("macs", CostModel.of(architecture).macs())
                .put("params", CostModel.of(architecture).params())
                .put("warmupSteps", warmupSteps);
        if (engine instanceof PyTorchEngine torch) {
            JsonNode result = TorchThroughput.measure(torch, engineOption.settings().device(), architecture.layout(),
                    batch, seconds, warmupSteps, samRho);
            json.put("torch", result.path("torch").asText()).put("threads", result.path("threads").asInt())
                    .put("bf16", result.path("bf16").asBoolean())
                    .put("channelsLast", result.path("channelsLast").asBoolean())
                    .put("steps", result.path("steps").asInt())
                    .put("imagesPerSecond", round(result.path("imagesPerSecond").asDouble()))
                    .put("medianStepSeconds", round(result.path("medianStepSeconds").asDouble()))
                    .put("medianImagesPerSecond", round(batch / result.path("medianStepSeconds").asDouble()));
        } else {
            // The reference benchmark's step: Nesterov SGD without label smoothing.
            TrainingOptions options = TrainingOptionsBuilder.defaults().batchSize(batch).labelSmoothing(0)
                    .samRho(samRho).build();
            Dl4jThroughput.Result result = Dl4jThroughput.measure(architecture, options, warmupSteps, seconds);
            json.put("oneDnnHelpers", result.oneDnnHelpers())
                    .put("steps", result.stepSeconds().size())
                    .put("imagesPerSecond", round(result.imagesPerSecond()))
                    .put("medianStepSeconds", round(result.medianStepSeconds()))
                    .put("medianImagesPerSecond", round(batch / result.medianStepSeconds()));
        }
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
