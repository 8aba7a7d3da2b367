package dev.hpo.runner.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.NetworkExport;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.options.AugmentationOptions;
import dev.hpo.runner.options.DataOptions;
import dev.hpo.runner.options.EngineOption;
import dev.hpo.runner.options.NetworkScaleOptions;
import dev.hpo.runner.plan.TrialPlanJson;
import dev.hpo.runner.plan.TrialResultJson;
import dev.hpo.study.Durations;
import dev.hpo.trial.Activation;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpo train}: runs one trial on this machine and prints its result. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train one trial locally under a time cap and print its result.")
public final class TrainCommand implements Callable<Integer> {

    private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", paramLabel = "FILE", description = "A trial plan as JSON; replaces the options below.")
    Path plan;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--subset-seed", defaultValue = "0")
    long subsetSeed;

    @Option(names = "--family", defaultValue = "resnet9", description = "resnet9 or resnet18.")
    String family;

    @Mixin
    NetworkScaleOptions scale;

    @Option(names = "--resolution", defaultValue = "1")
    double resolution;

    @Option(names = "--time-cap", defaultValue = "120s", description = "Whole trial, e.g. 120s, 10m, 1h30m or 90 (seconds).")
    String timeCap;

    @Option(names = "--optimizer", description = "sgd, adam, adamw, adamax, adagrad or rmsprop (default sgd).")
    String optimizer = DEFAULTS.optimizer().id();

    @Option(names = "--lr", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--momentum", description = "Nesterov momentum or Adam's beta1 (default ${DEFAULT-VALUE}).")
    double momentum = DEFAULTS.momentum();

    @Option(names = "--weight-decay")
    double weightDecay = DEFAULTS.weightDecay();

    @Option(names = "--batch-size")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--label-smoothing")
    double labelSmoothing = DEFAULTS.labelSmoothing();

    @Option(names = "--sam-rho", description = "SAM neighbourhood; 0 trains without SAM.")
    double samRho = DEFAULTS.samRho();

    @Option(names = "--gc", negatable = true, description = "Gradient centralization.")
    boolean gradientCentralization = DEFAULTS.gradientCentralization();

    @Option(names = "--activation", description = "relu, celu or leakyrelu.")
    String activation = DEFAULTS.activation().id();

    @Option(names = "--activation-alpha", description = "CELU alpha or LeakyReLU slope.")
    double activationAlpha = DEFAULTS.activationAlpha();

    @Option(names = "--warmup", description = "Share of the training time spent warming up.")
    double warmupFraction = DEFAULTS.warmupFraction();

    @Option(names = "--whitening", negatable = true, description = "Frozen patch-whitening first convolution.")
    boolean whitening = DEFAULTS.whitening();

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--tta", negatable = true, description = "Evaluate each image and its mirror.")
    boolean tta = DEFAULTS.flipTestTimeAugmentation();

    @Option(names = "--seed")
    long seed = DEFAULTS.seed();

    @Mixin
    EngineOption engineOption = new EngineOption();

    @Option(names = "--json", description = "Print only the result, as one JSON object.")
    boolean json;

    @Option(names = "--save", paramLabel = "FILE",
            description = "Save the trained network to FILE when the trial completes (hpo predict reads dl4j's).")
    Path save;

    @Override
    public Integer call() throws IOException {
        // Finding the engine (for pytorch, an interpreter with torch) is not part of the trial; a worker does it once.
        TrainingEngine trainer = engineOption.engine();
        // The cap counts from here: reading the data and building the network are part of the trial.
        TrialClock clock = TrialClock.startNow();
        TrialPlan trial;
        TrialData data;
        if (plan != null) {
            trial = TrialPlanJson.parse(readPlan(plan));
            data = TrialDataLoader.load(trial.data(), trial.architecture().scaledInput());
        } else {
            // Every option is checked before the data is read, so a typo fails fast.
            DataSpec dataSpec = dataOptions.dataSpec(subsetSeed);
            TrainingOptions training = trainingOptions();
            ModelFamily modelFamily = ModelFamily.fromId(family);
            Duration cap = Durations.positive("--time-cap", timeCap);
            InputShape nativeShape = TrialDataLoader.nativeShape(dataSpec);
            // The class count is known once the data is read; the scaled input shape does not depend on it.
            ArchitectureSpec scaling = new ArchitectureSpec(modelFamily, nativeShape, 2, scale.depth(), scale.width(),
                    resolution);
            data = TrialDataLoader.load(dataSpec, scaling.scaledInput());
            trial = new TrialPlan(new ArchitectureSpec(modelFamily, nativeShape, data.classes(), scale.depth(),
                    scale.width(), resolution), dataSpec, training, cap);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.printf(Locale.ROOT, "training %s on %d images (%d classes), validating on %d, cap %.0fs, engine %s%n",
                    trial.architecture().family(), data.train().size(), data.classes(), data.validation().size(),
                    Durations.seconds(trial.timeCap()), trainer.name());
            out.flush();
        }
        TrainingListener listener = measurement -> {
            if (!json) {
                progress(out, measurement);
            }
            return true;
        };
        if (save != null && !trainer.savesNetworks()) {
            throw new IllegalArgumentException("--save: the " + trainer.name() + " engine does not save trained "
                    + "networks; train with --engine dl4j");
        }
        TrialResult result = save == null ? trainer.train(trial, data, listener, clock)
                : trainer.train(trial, data, listener, clock, new NetworkExport(save, Optional.empty()));
        if (json) {
            ObjectNode document = TrialResultJson.write(result);
            document.set("plan", TrialPlanJson.write(trial));
            out.println(document);
        } else {
            out.printf(Locale.ROOT, "%s: accuracy %.4f on %d images%s, %d epochs, %d steps, %.1fs, %.1f img/s,"
                    + " %d MACs, %d params%n", result.status(), result.accuracy(), result.validationImages(),
                    result.flipAveraged() ? " (flip-averaged)" : "", result.epochs(), result.steps(),
                    result.wallSeconds(), result.imagesPerSecond(), result.macs(), result.params());
            if (result.scoredAtStep() < result.steps()) {
                out.printf(Locale.ROOT, "scored at step %d: the last step ran late and left no time to evaluate the"
                        + " final network, so the accuracy is the last epoch's%n", result.scoredAtStep());
            }
            result.failure().ifPresent(reason -> out.println("reason: " + reason));
            if (save != null && Files.isRegularFile(save) && result.status() == TrialStatus.COMPLETE) {
                out.println("network saved to " + save);
            }
        }
        out.flush();
        return result.status() == TrialStatus.FAILED ? 1 : 0;
    }

    private TrainingOptions trainingOptions() {
        return augmentation.applyTo(TrainingOptionsBuilder.defaults())
                .optimizer(Optimizer.fromId(optimizer))
                .learningRate(learningRate)
                .momentum(momentum)
                .weightDecay(weightDecay)
                .batchSize(batchSize)
                .labelSmoothing(labelSmoothing)
                .samRho(samRho)
                .gradientCentralization(gradientCentralization)
                .activation(Activation.fromId(activation))
                .activationAlpha(activationAlpha)
                .warmupFraction(warmupFraction)
                .whitening(whitening)
                .flipTestTimeAugmentation(tta)
                .seed(seed)
                .build();
    }

    private static String readPlan(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read plan file " + file + ": " + e.getMessage());
        }
    }

    private static void progress(PrintWriter out, Measurement m) {
        out.printf(Locale.ROOT, "epoch %3d  step %6d  %7.1fs  loss %.4f  val %.4f (%d images)%n", m.epoch(),
                m.step(), m.elapsedSeconds(), m.trainLoss(), m.validationAccuracy(), m.validationImages());
        out.flush();
    }
}
