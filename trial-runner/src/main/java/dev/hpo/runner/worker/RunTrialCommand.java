package dev.hpo.runner.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.arch.InputShape;
import dev.hpo.runner.data.DataException;
import dev.hpo.runner.data.DataRoots;
import dev.hpo.runner.data.TrialData;
import dev.hpo.runner.data.TrialDataLoader;
import dev.hpo.runner.engine.Measurement;
import dev.hpo.runner.engine.NetworkExport;
import dev.hpo.runner.engine.StudyDraws;
import dev.hpo.runner.engine.TrainingListener;
import dev.hpo.runner.engine.TrainingEngine;
import dev.hpo.runner.engine.TrialClock;
import dev.hpo.runner.engine.TrialResult;
import dev.hpo.runner.engine.TrialStatus;
import dev.hpo.runner.options.EngineOption;
import dev.hpo.space.Configuration;
import dev.hpo.study.InvalidSpecException;
import dev.hpo.study.TrialPlans;
import dev.hpo.study.TrialSettings;
import dev.hpo.study.TrialSettingsJson;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.TrialPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The built-in trainer as a trial process: reads the trial the worker was handed (as JSON on standard input),
 * resolves it to a plan, trains it, and speaks the worker's line protocol ({@link TrialEvent}) on standard output.
 */
@Command(name = RunTrialCommand.NAME, hidden = true,
        description = "Train the trial read as JSON on stdin, printing measurement lines and the final metrics.")
public final class RunTrialCommand implements Callable<Integer> {

    static final String NAME = TrialCommand.RUN_TRIAL;

    /** The name the built-in trainer gives a trial's saved network. */
    static final String NETWORK_FILE = "network.zip";

    /** The exit code of a trial process whose worker died. */
    static final int WORKER_GONE = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset-dir", paramLabel = "DATASET=DIR",
            description = "where a dataset's files are, for trials whose settings do not say")
    Map<String, Path> datasetDirs = new LinkedHashMap<>();

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "a folder the study's dataset folder may lie in (repeatable; default: ~/.hpo/datasets and "
                    + "/usr/share/datasets)")
    List<Path> dataRoots = new ArrayList<>();

    @Mixin
    EngineOption engineOption = new EngineOption();

    private final ObjectMapper json = new ObjectMapper();

    private final BiFunction<DataSpec, InputShape, TrialData> dataReader;

    public RunTrialCommand() {
        this(TrialDataLoader::load);
    }

    /** @param dataReader reads a trial's data subsets at the network's input shape; tests stand in a slow disk */
    RunTrialCommand(BiFunction<DataSpec, InputShape, TrialData> dataReader) {
        this.dataReader = dataReader;
    }

    @Override
    public Integer call() throws IOException {
        // The cap counts from here, as in hpo train: reading the data and building the network are in it.
        TrialClock clock = TrialClock.startNow();
        endWithTheWorker();
        return run(json.readTree(System.in), spec.commandLine().getOut(), clock);
    }

    /**
     * Trains {@code trial} so that it ends within its cap counted from {@code clock}'s start, speaking the line
     * protocol on {@code out}.
     *
     * @return the process's exit code: 1 when the trial could not be planned or its data read, else 0
     */
    int run(JsonNode trial, PrintWriter out, TrialClock clock) {
        TrialPlan plan;
        TrialData data;
        TrainingEngine trainer;
        try {
            plan = plan(trial);
            trainer = engineOption.engine();
            data = dataReader.apply(plan.data(), plan.architecture().scaledInput());
        } catch (IllegalArgumentException | DataException e) {
            emit(out, json.createObjectNode().put("failed", true).put("reason", e.getMessage()));
            return 1;
        }
        emit(out, json.createObjectNode().put("started", true));
        TrainingListener listener = measurement -> {
            emit(out, measurement(measurement));
            return true;
        };
        Optional<NetworkExport> export = export(trial, trainer);
        TrialResult result = export.isPresent() ? trainer.train(plan, data, listener, clock, export.get())
                : trainer.train(plan, data, listener, clock);
        if (result.status() == TrialStatus.FAILED) {
            emit(out, json.createObjectNode().put("failed", true)
                    .put("reason", result.failure().orElse("training failed")));
            return 0;
        }
        ObjectNode last = finalMetrics(result);
        export.map(NetworkExport::file).filter(Files::isRegularFile)
                .ifPresent(file -> last.putArray("artifacts").add(file.toString()));
        emit(out, last);
        return 0;
    }

    /**
     * Where the trained network goes when the trial's study keeps artifacts and its worker gave a folder for them;
     * empty otherwise, and for an engine that saves no networks.
     */
    private Optional<NetworkExport> export(JsonNode trial, TrainingEngine trainer) {
        String directory = trial.path(TrialExecution.ARTIFACT_DIRECTORY).asText("");
        if (!trial.path("keepArtifacts").asBoolean(false) || directory.isEmpty()) {
            return Optional.empty();
        }
        if (!trainer.savesNetworks()) {
            System.err.println("the " + trainer.name() + " engine does not save trained networks; this trial keeps"
                    + " none");
            return Optional.empty();
        }
        int repeats = Math.max(1, trial.path("trialSettings").path("repeats").asInt(1));
        return Optional.of(new NetworkExport(Path.of(directory, NETWORK_FILE),
                Optional.of(new StudyDraws(trial.path("seed").asLong(0), repeats))));
    }

    /**
     * The trial's plan: its configuration and repeat applied to its study's trial settings, with the dataset folder
     * the settings name found inside the worker's data roots, or the worker's own folder for datasets the settings
     * leave where they are.
     *
     * @throws IllegalArgumentException naming what is wrong with the trial, a dataset folder outside the data roots
     *     among it
     */
    TrialPlan plan(JsonNode trial) {
        if (trial == null || !trial.isObject()) {
            throw new IllegalArgumentException("expected the trial as a JSON object on standard input");
        }
        TrialSettings settings;
        try {
            settings = TrialSettingsJson.parse(trial.path("trialSettings"));
        } catch (InvalidSpecException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Object> parameters = json.convertValue(trial.path("parameters"),
                json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        Configuration configuration = Configuration.of(parameters == null ? Map.of() : parameters);
        int repeat = trial.path("repeat").asInt(0);
        long seed = trial.path("seed").asLong(0);
        TrialPlan plan = trial.path("confirmation").asBoolean(false)
                ? TrialPlans.confirmation(settings, configuration, repeat, seed)
                : TrialPlans.resolve(settings, configuration, repeat, seed);
        DataSpec data = plan.data();
        Optional<Path> directory = data.directory().isPresent()
                ? Optional.of(roots().resolve(data.directory().get()))
                : Optional.ofNullable(datasetDirs.get(data.dataset().id()));
        if (directory.isEmpty()) {
            return plan;
        }
        return new TrialPlan(plan.architecture(), new DataSpec(data.dataset(), directory.map(Path::toString),
                data.trainPerClass(), data.valPerClass(), data.subsetSeed(), data.excludedSubsets()),
                plan.training(), plan.timeCap());
    }

    private DataRoots roots() {
        return dataRoots.isEmpty() ? DataRoots.defaults() : new DataRoots(dataRoots);
    }

    /**
     * A worker killed with SIGKILL cannot kill its trial process; the trial would train on, unheard, competing for
     * the cores with the worker that takes the trial over. So the trial process ends itself when its worker is gone.
     */
    private static void endWithTheWorker() {
        ProcessHandle.current().parent().ifPresent(worker -> {
            Thread watch = new Thread(() -> {
                while (worker.isAlive()) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                Runtime.getRuntime().halt(WORKER_GONE);
            }, "worker-watch");
            watch.setDaemon(true);
            watch.start();
        });
    }

    private ObjectNode measurement(Measurement m) {
        ObjectNode line = json.createObjectNode().put("step", m.epoch()).put("elapsedSeconds", m.elapsedSeconds());
        ObjectNode metrics = line.putObject("metrics").put("accuracy", m.validationAccuracy()).put("epoch", m.epoch());
        if (Double.isFinite(m.trainLoss())) {
            metrics.put("loss", m.trainLoss());
        }
        return line;
    }

    private ObjectNode finalMetrics(TrialResult result) {
        ObjectNode line = json.createObjectNode();
        ObjectNode metrics = line.putObject("metrics");
        if (Double.isFinite(result.accuracy())) {
            metrics.put("accuracy", result.accuracy());
        }
        metrics.put("macs", result.macs()).put("params", result.params()).put("epochs", result.epochs())
                .put("wallSeconds", result.wallSeconds()).put("imagesPerSecond", result.imagesPerSecond());
        if (Double.isFinite(result.finalLoss())) {
            metrics.put("loss", result.finalLoss());
        }
        return line;
    }

    private static void emit(PrintWriter out, ObjectNode line) {
        out.println(line);
        out.flush();
    }
}
