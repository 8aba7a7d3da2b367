package dev.hpo.runner.torch;

import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.CostModel;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.engine.DataFit;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.engine.NetworkExport;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.model.ModelCard;
import dev.hpo.runner.model.ModelCardJson;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Trains with PyTorch in a Python process of its own: the trial runner reads and prepares the data as for any
 * engine, writes it with the plan ({@link EngineInput}), and the engine's Python package trains it on the device,
 * reporting each measurement, which this engine hands to the listener, and the result.
 *
 * <p>The cap keeps counting from the trial's clock: the Python process is told when the trial started on the
 * machine's monotonic clock, and paces training and evaluation itself with the same rules as the DL4J engine. This
 * side only makes sure a process that stops answering ends: past the cap and a grace it is killed.
 */
public final class PyTorchEngine implements TrainingEngine {

    public static final String NAME = "pytorch";

    /** The entry of a saved network's zip that holds its weights, as {@code torch.save} writes a state_dict. */
    static final String STATE_DICT = "state_dict.pt";

    private final TorchPython python;
    private final Path sources;
    private final Device device;

    PyTorchEngine(TorchPython python, Path sources, Device device) {
        this.python = python;
        this.sources = sources;
        this.device = device;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The interpreter this engine found: its trial processes run in it without looking again. */
    @Override
    public EngineSettings forTrialProcesses(EngineSettings asked) {
        return new EngineSettings(asked.device(), Optional.of(python.executable()));
    }

    /**
     * A process of this engine's interpreter that runs {@code arguments}, with the engine's Python package importable
     * as in a trial process (the unpacked package first on {@code PYTHONPATH}). Public for the benchmarks module:
     * its throughput script imports the package's network builder and training step, so that it times exactly the
     * step a trial takes, in the interpreter trials run in.
     */
    public ProcessBuilder interpreter(List<String> arguments) {
        return EngineProcess.interpreter(python.executable(), sources, arguments);
    }

    @Override
    public TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock) {
        return train(plan, data, listener, clock, Optional.empty());
    }

    @Override
    public boolean savesNetworks() {
        return true;
    }

    /**
     * Saves a completed trial's network as a zip of the PyTorch {@code state_dict} ({@value #STATE_DICT}) and its
     * model card; {@code hpo predict} reads only the DL4J engine's networks, and says so for these.
     */
    @Override
    public TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock,
                             NetworkExport export) {
        return train(plan, data, listener, clock, Optional.of(export));
    }

    private TrialResult train(TrialPlan plan, TrialData data, TrainingListener listener, TrialClock clock,
                              Optional<NetworkExport> export) {
        DataFit.require(plan.architecture(), data);
        ArchitectureCost cost = CostModel.of(plan.architecture());
        EngineSession.Failure failure = reason -> EngineSession.failed(NAME, reason, cost, clock);
        Path directory;
        try {
            directory = TrialInputs.create();
        } catch (IOException e) {
            return failure.of("cannot create a directory for the trial's input: " + e.getMessage());
        }
        try {
            EngineInput.write(directory, plan, data);
            long startedAt = System.nanoTime() - Math.round(clock.elapsedSeconds() * 1e9);
            List<String> arguments = new ArrayList<>(List.of("trial", directory.toString(), "--device",
                    device.toString(), "--started-at", Long.toString(startedAt), "--controlled"));
            Path weights = directory.resolve(STATE_DICT);
            export.ifPresent(e -> arguments.addAll(List.of("--save", weights.toString())));
            TrialResult result;
            try (EngineProcess process = start(arguments)) {
                result = new EngineSession(NAME, process, plan, cost, listener, clock).run();
            }
            if (export.isPresent() && result.status() == TrialStatus.COMPLETE && Files.isRegularFile(weights)) {
                save(weights, new ModelCard(NAME, plan, data.classNames(), data.normalisation(),
                        export.get().study(), result.accuracy()), export.get().file());
            }
            return result;
        } catch (IOException e) {
            return failure.of("cannot run the pytorch engine with " + python.executable() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure.of("interrupted while training");
        } finally {
            try {
                EngineSources.deleteTree(directory);
            } catch (IOException e) {
                System.err.println("could not remove " + directory + ": " + e.getMessage());
            }
        }
    }

    /** Zips the weights and the card; a network that cannot be written leaves no file and the result stands. */
    private static void save(Path weights, ModelCard card, Path file) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(STATE_DICT));
            Files.copy(weights, zip);
            zip.putNextEntry(new ZipEntry(ModelCardJson.ENTRY));
            zip.write(ModelCardJson.write(card).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("could not save the trained network to " + file + ": " + e.getMessage());
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Nothing more can be done about a file that cannot be written or deleted.
            }
        }
    }

    /** Starts the engine's package with {@code arguments}, its standard error going to this process's. */
    EngineProcess start(List<String> arguments) throws IOException {
        return EngineProcess.start(python.executable(), sources, arguments, System.err);
    }
}
