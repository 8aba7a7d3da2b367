package dev.hpo.bench.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.Augmentation;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.runner.options.AugmentationOptions;
import dev.hpo.runner.options.DataOptions;
import dev.hpo.trial.DataSpec;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpo bench data}: how fast a trial's data is loaded and its augmented batches are produced. */
@Command(name = "data", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Data pipeline speed: loading a trial's subsets (read, subset, resize, normalise) and"
                + " producing augmented training batches, without a network.")
public final class BenchDataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--subset-seed", defaultValue = "0", description = "Seed of the first load; each further load"
            + " takes the next seed, as repeats of a trial do.")
    long subsetSeed;

    @Option(names = "--resolution", defaultValue = "1", description = "Resizes the images by this factor.")
    double resolution;

    @Option(names = "--loads", defaultValue = "5", description = "Loads to time; the median is reported.")
    int loads;

    @Option(names = "--batch", defaultValue = "128")
    int batch;

    @Option(names = "--seconds", defaultValue = "5", description = "How long to draw batches.")
    double seconds;

    @Mixin
    AugmentationOptions augmentationOptions;

    @Override
    public Integer call() {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("--seconds must be positive, got " + seconds);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
        DataSpec data = dataOptions.dataSpec(subsetSeed);
        Augmentation augmentation = augmentationOptions.augmentation();
        InputShape nativeShape = TrialDataLoader.nativeShape(data);
        // The architecture only scales the input here; its family and class count do not matter.
        InputShape target = new ArchitectureSpec(ModelFamily.RESNET9, nativeShape, 2, 1, 1, resolution).scaledInput();
        DataBenchmark.Figures figures = DataBenchmark.run(data, target, loads, batch, augmentation,
                Duration.ofNanos((long) (seconds * 1e9)));
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("dataset", data.dataset().id())
                .put("input", figures.shape().toString())
                .put("trainImages", figures.trainImages())
                .put("validationImages", figures.validationImages())
                .put("loads", loads)
                .put("loadMillisMedian", round(figures.loadMillisMedian()))
                .put("loadMillisMin", round(figures.loadMillisMin()))
                .put("batch", batch)
                .put("cropPadding", augmentation.cropPadding())
                .put("flip", augmentation.flip())
                .put("cutout", augmentation.cutout())
                .put("batchesPerSecond", round(figures.batchesPerSecond()))
                .put("imagesPerSecond", round(figures.imagesPerSecond()));
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
