package dev.hpo.runner.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.CostModel;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.runner.data.SyntheticData;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.dl4j.SavedNetwork;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.NetworkExport;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.model.ModelCard;
import dev.hpo.runner.model.ModelCardJson;
import dev.hpo.trial.Activation;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import dev.hpo.trial.TrialPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch engine trains real trials on the CPU: tiny networks, tiny images, caps of a few seconds. How it paces
 * itself against a simulated clock is tested in Python (src/test/python); these tests cover what crosses the
 * process boundary: measurements and the listener's answers, results, failures and the cap counted from the
 * trial's start in the JVM.
 */
class PyTorchEngineTest {

    private static final InputShape SHAPE = InputShape.of(1, 12, 12);
    private static final ArchitectureSpec SPEC = new ArchitectureSpec(ModelFamily.RESNET9, SHAPE, 4, 0.4, 0.125, 1);
    private static final DataSpec DATA = new DataSpec(Dataset.FASHION_MNIST, Optional.empty(), 32, 16, 0);
    private static final TrialData SYNTHETIC = SyntheticData.quadrants(SHAPE, 32, 16, 7);
    private static final TrainingOptions OPTIONS = TrainingOptionsBuilder.defaults()
            .batchSize(16).learningRate(0.05).cropPadding(0).flip(false).build();

    @TempDir
    Path temp;

    @Test
    void learnsAndReportsEveryEpochUntilTheListenerStopsIt() {
        List<Measurement> heard = new ArrayList<>();

        // A generous cap: this test is about learning, so the listener, not the clock, ends it. The learning rate
        // follows the share of the cap spent, and the trainer's process keeps its own time; without a warm-up the
        // rate stays within a few percent of its peak for the first tenth of the cap, on a busy machine as on an
        // idle one.
        TrainingOptions noWarmUp = TrainingOptionsBuilder.from(OPTIONS).warmupFraction(0).build();
        TrialResult result = Torch.engine().train(plan(noWarmUp, Duration.ofSeconds(300)), SYNTHETIC, m -> {
            heard.add(m);
            return m.epoch() < 4;
        });

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.STOPPED);
        assertThat(result.engine()).isEqualTo("pytorch");
        assertThat(result.epochs()).isEqualTo(4);
        assertThat(result.steps()).as("128 images in batches of 16").isEqualTo(4 * 8);
        assertThat(result.accuracy()).as("chance is 0.25").isGreaterThan(0.4);
        assertThat(result.validationImages()).isEqualTo(SYNTHETIC.validation().size());
        assertThat(result.macs()).isEqualTo(CostModel.of(SPEC).macs());
        assertThat(result.params()).isEqualTo(CostModel.of(SPEC).params());
        assertThat(heard).isEqualTo(result.measurements());
        assertThat(heard).extracting(Measurement::epoch).containsExactly(1, 2, 3, 4);
        assertThat(heard).extracting(Measurement::step).containsExactly(8L, 16L, 24L, 32L);
        assertThat(heard).extracting(Measurement::trainLoss).allMatch(Double::isFinite);
        assertThat(heard.get(heard.size() - 1).validationAccuracy()).isEqualTo(result.accuracy());
    }

    @Test
    void theCapCountsFromTheTrialsStartInTheJvmAndTheTrialEndsWithinIt() throws InterruptedException {
        TrialClock clock = TrialClock.startNow();
        Thread.sleep(1500); // reading the data counts against the cap
        int cap = 8;

        TrialResult result = Torch.engine().train(plan(OPTIONS, Duration.ofSeconds(cap)), SYNTHETIC,
                TrainingListener.none(), clock);

        assertThat(result.wallSeconds()).as("the engine counts the 1.5 s spent before it started")
                .isGreaterThan(1.5).isLessThanOrEqualTo(clock.elapsedSeconds());
        assertThat(clock.elapsedSeconds()).as("an engine past its cap is killed after the grace")
                .isLessThan(cap + EngineSession.GRACE.toSeconds() + 5);
        if (result.status() == TrialStatus.COMPLETE) {
            assertThat(result.steps()).isPositive();
            assertThat(result.scoredAtStep()).isPositive();
            assertThat(result.validationImages()).isBetween(1, SYNTHETIC.validation().size());
        } else {
            // Only a machine too busy to start Python and take a step in the time left ends here; it says so.
            assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("too short"));
        }
    }

    @Test
    void trainsTheWholeRecipeSamCentralizationWhiteningCeluCutoutAndFlipAveraging() {
        TrainingOptions options = TrainingOptionsBuilder.from(OPTIONS).optimizer(Optimizer.ADAMW).learningRate(0.003)
                .samRho(0.05).gradientCentralization(true).whitening(true).activation(Activation.CELU)
                .cropPadding(1).flip(true).cutout(3).flipTestTimeAugmentation(true).build();
        List<Measurement> heard = new ArrayList<>();

        TrialResult result = Torch.engine().train(plan(options, Duration.ofSeconds(300)), SYNTHETIC, m -> {
            heard.add(m);
            return m.epoch() < 2;
        });

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.STOPPED);
        assertThat(result.steps()).isEqualTo(2 * 8);
        assertThat(result.finalLoss()).isFinite();
        assertThat(result.params()).as("the frozen whitening stem is not trained").isEqualTo(CostModel.of(SPEC)
                .params());
    }

    @Test
    void everyOptimizerTrains() {
        for (Optimizer optimizer : Set.of(Optimizer.SGD, Optimizer.ADAM, Optimizer.ADAMW, Optimizer.ADAMAX,
                Optimizer.ADAGRAD, Optimizer.RMSPROP)) {
            TrainingOptions options = TrainingOptionsBuilder.from(OPTIONS).optimizer(optimizer).learningRate(0.01)
                    .activation(Activation.LEAKY_RELU).build();

            TrialResult result = Torch.engine().train(plan(options, Duration.ofSeconds(300)), SYNTHETIC, m -> false);

            assertThat(result.status()).as("%s: %s", optimizer, result).isEqualTo(TrialStatus.STOPPED);
            assertThat(result.finalLoss()).as("%s", optimizer).isFinite();
        }
    }

    @Test
    void divergenceFailsTheTrialWithItsReason() {
        // Large enough to overflow torch's numerically stable cross-entropy too, not only DL4J's.
        TrainingOptions absurd = TrainingOptionsBuilder.from(OPTIONS).optimizer(Optimizer.ADAM).learningRate(1e30)
                .weightDecay(0).build();

        TrialResult result = Torch.engine().train(plan(absurd, Duration.ofSeconds(300)), SYNTHETIC,
                TrainingListener.none());

        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("diverged"));
        assertThat(result.wallSeconds()).isLessThan(300);
    }

    @Test
    void weightsThatStopBeingFiniteFailTheTrialBeforeTheyAreScored() {
        // As for the DL4J engine: one step is a whole epoch, and its update overflows the weights.
        TrainingOptions overflowing = TrainingOptionsBuilder.from(OPTIONS).batchSize(SYNTHETIC.train().size())
                .learningRate(1e39).warmupFraction(0).build();
        List<Measurement> heard = new ArrayList<>();

        TrialResult result = Torch.engine().train(plan(overflowing, Duration.ofSeconds(300)), SYNTHETIC, heard::add);

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("diverged").contains("weights no longer finite after step 1"));
        assertThat(heard).as("a diverged network is never scored").isEmpty();
    }

    @Test
    void rejectsDataOfAnotherShape() {
        TrialData wrong = SyntheticData.quadrants(InputShape.of(1, 10, 10), 2, 2, 1);

        assertThatThrownBy(() -> Torch.engine().train(plan(OPTIONS, Duration.ofSeconds(5)), wrong,
                TrainingListener.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x10x10");
    }

    @Test
    void anInterpreterWithoutTorchFailsTheTrialSayingHowToFixIt() throws Exception {
        Path noTorch = interpreterWithoutTorch();
        PyTorchEngine engine = new PyTorchEngineFactory().create(new EngineSettings(Device.cpu(),
                Optional.of(noTorch.toString())));

        TrialResult result = engine.train(plan(OPTIONS, Duration.ofSeconds(30)), SYNTHETIC, TrainingListener.none());

        assertThat(result.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(result.failure()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("has no torch").contains("apt-get install python3-torch").contains("--python"));
    }

    @Test
    void noDefaultInterpreterWithTorchIsAnErrorNamingEachOneTried() throws Exception {
        Path noTorch = interpreterWithoutTorch();

        assertThatThrownBy(() -> TorchPython.locate(Optional.empty(), EngineSources.unpack(),
                List.of(noTorch.toString(), "/nonexistent/python3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(noTorch + " (no torch")
                .hasMessageContaining("/nonexistent/python3 (cannot start it")
                .hasMessageContaining("HPO_PYTHON");
    }

    @Test
    void aNamedInterpreterThatDoesNotExistIsRefusedAtOnce() {
        assertThatThrownBy(() -> new PyTorchEngineFactory().create(new EngineSettings(Device.cpu(),
                Optional.of("/nonexistent/python3"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--python /nonexistent/python3 is not an executable file");
    }

    /** A Python without its site packages: the standard library, and so the engine's package, but no torch. */
    private Path interpreterWithoutTorch() throws Exception {
        Path script = temp.resolve("python-without-torch");
        Files.writeString(script, "#!/bin/sh\nexec " + python() + " -S \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }

    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "python3";
    }

    @Test
    void aCompletedTrialsNetworkIsSavedAsItsStateDictWithItsCardAndPredictSaysItReadsOnlyDl4jNetworks()
            throws Exception {
        Path file = temp.resolve("network.zip");

        TrialResult result = Torch.engine().train(plan(OPTIONS, Duration.ofSeconds(20)), SYNTHETIC,
                TrainingListener.none(), TrialClock.startNow(), new NetworkExport(file, Optional.empty()));

        assertThat(result.status()).as(result.toString()).isEqualTo(TrialStatus.COMPLETE);
        Path weights = temp.resolve("state_dict.pt");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ModelCard card = ModelCardJson.read(new String(zip.getInputStream(zip.getEntry(ModelCardJson.ENTRY))
                    .readAllBytes(), StandardCharsets.UTF_8));
            assertThat(card.engine()).isEqualTo("pytorch");
            assertThat(card.plan()).isEqualTo(plan(OPTIONS, Duration.ofSeconds(20)));
            assertThat(card.validationAccuracy()).isEqualTo(result.accuracy());
            Files.copy(zip.getInputStream(zip.getEntry(PyTorchEngine.STATE_DICT)), weights);
        }
        Process load = Torch.engine().interpreter(List.of("-c", "import sys, torch; "
                + "print(sum(t.numel() for t in torch.load(sys.argv[1]).values()))", weights.toString()))
                .redirectErrorStream(true).start();
        String tensors = new String(load.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(load.waitFor()).as(tensors).isZero();
        assertThat(Long.parseLong(tensors)).as("weights and batch-norm statistics").isGreaterThanOrEqualTo(
                CostModel.of(SPEC).params());
        assertThatThrownBy(() -> SavedNetwork.load(file)).hasMessageContaining("the pytorch engine saved");
    }

    private static TrialPlan plan(TrainingOptions options, Duration cap) {
        return new TrialPlan(SPEC, DATA, options, cap);
    }
}
