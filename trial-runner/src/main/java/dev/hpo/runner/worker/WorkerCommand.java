package dev.hpo.runner.worker;

import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.ApiException;
import dev.hpo.protocol.client.Retry;
import dev.hpo.runner.data.DataRoots;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.engine.TrainingEngines;
import dev.hpo.study.Durations;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hpo worker}: claims trials from the API and trains each one in its own process. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Claim trials from the API and run each one in its own process, reporting measurements,",
                "heartbeats and the result. Stops when its study is done, or on SIGTERM / Ctrl-C, handing back",
                "the trial it holds."})
public final class WorkerCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--api", defaultValue = "${env:HPO_API_URL:-http://127.0.0.1:8080}",
            description = "the API's address (default: $HPO_API_URL or ${DEFAULT-VALUE})")
    String api;

    @Option(names = "--token", defaultValue = "${env:HPO_API_TOKEN}",
            description = "bearer token for the API (default: $HPO_API_TOKEN)")
    String token;

    @Option(names = "--worker-id",
            description = "the name the API knows this worker by (default: host-pid-engine; slots add -s1, -s2, ...)")
    String workerId;

    @Option(names = "--device", defaultValue = "cpu",
            description = "cpu or cuda:N; one worker per GPU (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--engine", defaultValue = TrainingEngines.DEFAULT,
            description = "the built-in trainer's engine: dl4j or pytorch (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--python", defaultValue = "${env:HPO_PYTHON}", paramLabel = "PATH",
            description = {"the pytorch engine's Python interpreter (default: $HPO_PYTHON, else python3 or",
                    "/usr/bin/python3, whichever has torch)"})
    String python;

    @Option(names = "--slots", defaultValue = "1",
            description = {"trials run at once, each in its own process under its own cap, all on this worker's",
                    "device (default: ${DEFAULT-VALUE}); see docs/deployment.md for when to use more"})
    int slots;

    @Option(names = "--study", paramLabel = "ID", description = "work for this study only, and stop when it is done")
    Long study;

    @Option(names = "--trial-command",
            description = {"run each trial with this shell command instead of the built-in trainer: it reads the",
                    "trial as JSON on stdin and prints {\"step\":..,\"elapsedSeconds\":..,\"metrics\":{..}} lines",
                    "and a final {\"metrics\":{..}} line"})
    String trialCommand;

    @Option(names = "--dataset-dir", paramLabel = "DATASET=DIR",
            description = "where a dataset's files are, e.g. fashion-mnist=/data/fashion-mnist (repeatable)")
    Map<String, Path> datasetDirs = new LinkedHashMap<>();

    @Option(names = "--data-root", paramLabel = "DIR",
            description = {"a folder a study's dataset folder (trialSettings.dataset.directory) may lie in;",
                    "repeatable; a relative folder is looked for in each in turn (default: ~/.hpo/datasets and",
                    "/usr/share/datasets)"})
    List<Path> dataRoots = new ArrayList<>();

    @Option(names = "--threads",
            description = "CPU threads of each trial (OMP_NUM_THREADS), e.g. cores / workers when several share them")
    Integer threads;

    @Option(names = "--cap-grace", defaultValue = "20s",
            description = "how long past its time cap a trial may run before it is killed (default: ${DEFAULT-VALUE})")
    String capGrace;

    @Option(names = "--setup-limit", defaultValue = "3m",
            description = "how long a built-in trial may take to load before training (default: ${DEFAULT-VALUE})")
    String setupLimit;

    @Option(names = "--idle-poll", defaultValue = "2s",
            description = "wait between requests when no study has work (default: ${DEFAULT-VALUE})")
    String idlePoll;

    @Option(names = "--max-artifact-size", defaultValue = "512MB", paramLabel = "SIZE",
            description = {"the largest file of a trial (a trained network) this worker uploads, e.g. 512MB or 2GB;",
                    "larger ones are left out (default: ${DEFAULT-VALUE})"})
    String maxArtifactSize;

    @Override
    public Integer call() throws Exception {
        WorkerSettings settings;
        TrialCommand command;
        URI base;
        try {
            base = address();
            Device dev = Device.parse(device);
            if (slots < 1) {
                throw new IllegalArgumentException("--slots must be at least 1, got " + slots);
            }
            settings = new WorkerSettings(workerId == null ? defaultWorkerId(engine) : workerId,
                    Optional.ofNullable(study),
                    Durations.positive("--cap-grace", capGrace), Durations.positive("--setup-limit", setupLimit),
                    Durations.positive("--idle-poll", idlePoll), Duration.ofSeconds(15),
                    ByteSize.parse("--max-artifact-size", maxArtifactSize));
            command = trialCommand == null
                    ? TrialCommand.builtIn(engine, trialSettings(dev), datasetDirs,
                    dataRoots.isEmpty() ? DataRoots.defaults() : new DataRoots(dataRoots),
                    Path.of(System.getProperty("java.io.tmpdir")), Optional.ofNullable(threads))
                    : TrialCommand.external(trialCommand, dev, Optional.ofNullable(threads));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream err = System.err;
        Consumer<String> log = message -> err.println(LocalTime.now().format(TIME) + " " + message);
        AtomicBoolean giveUp = new AtomicBoolean();
        Optional<String> bearer = Optional.ofNullable(token);
        ApiClient asking = ApiClient.http(base, bearer, Retry.never());
        ApiClient reporting = asking.withRetry(Retry.whilst(() -> !giveUp.get()));
        try (WorkerSlots worker = new WorkerSlots(slots, asking, id -> new Outbox(reporting, id, log), command,
                settings, log)) {
            Thread hook = new Thread(() -> shutDown(worker, settings, giveUp, log), "worker-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                int trials = worker.run();
                log.accept("worker " + settings.workerId() + " finished after " + trials + " trials");
                return 0;
            } catch (ApiException e) {
                int status = e.status().orElse(0);
                log.accept("the API refused this worker: " + e.getMessage()
                        + (status == 401 || status == 403 ? " (check --token / HPO_API_TOKEN)" : ""));
                return 1;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is running; it waits for this loop to finish.
                }
            }
        }
    }

    private static void shutDown(WorkerSlots worker, WorkerSettings settings, AtomicBoolean giveUp,
                                 Consumer<String> log) {
        log.accept("stopping: handing back the running trials");
        worker.stop();
        try {
            if (!worker.awaitFinished(settings.shutdownGrace().plusSeconds(5))) {
                log.accept("the API could not be told about the running trial in time; its heartbeat timeout"
                        + " will requeue it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        giveUp.set(true);
        worker.close();
    }

    private URI address() {
        try {
            return ApiClient.address(api);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--api: " + e.getMessage(), e);
        }
    }

    /**
     * The engine's settings for the trial processes, checked now so that a worker that cannot train (a GPU the
     * engine cannot use, no Python with torch) says so at once instead of failing every trial it claims.
     */
    private EngineSettings trialSettings(Device dev) {
        EngineSettings asked = new EngineSettings(dev, Optional.ofNullable(python));
        return TrainingEngines.discover().create(engine, asked).forTrialProcesses(asked);
    }

    /** The host, this process and the engine: a trial's worker id then says which engine ran it. */
    private static String defaultWorkerId(String engine) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + engine;
    }
}
