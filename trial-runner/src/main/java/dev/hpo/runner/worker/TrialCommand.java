package dev.hpo.runner.worker;

import dev.hpo.runner.data.DataRoots;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.engine.EngineSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the worker starts one trial's process: the command line, the environment it adds, and whether the process
 * says when its setup is over ({@code {"started": true}}), so the time cap counts from then.
 *
 * @param command program and arguments
 * @param environment variables set for the process, on top of the worker's own
 * @param announcesStart whether the process prints the start event
 * @param engine the built-in engine the process trains with, which the API records with each trial; empty for
 *        the user's own command
 */
record TrialCommand(List<String> command, Map<String, String> environment, boolean announcesStart,
                    Optional<String> engine) {

    /** The entry point of the built-in trainer's trial process. */
    static final String RUNNER_MAIN = "dev.hpo.runner.RunnerCommand";

    /** The runner sub-command that trains the trial it reads on its standard input. */
    static final String RUN_TRIAL = "run-trial";

    TrialCommand {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a trial command needs a program");
        }
    }

    /**
     * The built-in trainer in a fresh JVM with this JVM's class path and options (the launcher sets the trainer's
     * options and allocator for the worker, so its trials inherit them), training with {@code engine} on the device
     * of {@code settings}, which it sees as its only one.
     *
     * @param settings the engine's settings as the worker resolved them (its device, its interpreter)
     * @param dataDirectories where each dataset's files are, for trials whose settings do not say
     * @param dataRoots the folders a trial's settings may name a dataset folder in
     */
    static TrialCommand builtIn(String engine, EngineSettings settings, Map<String, Path> dataDirectories,
                                DataRoots dataRoots, Path scratch, Optional<Integer> threads) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger or agent attached to the worker must not be attached twice.
            if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent") && !option.startsWith("-Xrunjdwp")
                    && !option.startsWith("-XX:ErrorFile")) {
                command.add(option);
            }
        }
        // An out-of-memory error ends the trial's JVM at once, with a message, instead of leaving it half alive.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-XX:ErrorFile=" + scratch.resolve("hs_err_pid%p.log"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RUNNER_MAIN);
        command.add(RUN_TRIAL);
        command.addAll(List.of("--engine", engine, "--device", settings.device().asSeenByTrials().toString()));
        settings.python().ifPresent(python -> command.addAll(List.of("--python", python)));
        dataDirectories.forEach((dataset, dir) -> {
            command.add("--dataset-dir");
            command.add(dataset + "=" + dir);
        });
        for (Path root : dataRoots.roots()) {
            command.add("--data-root");
            command.add(root.toString());
        }
        return new TrialCommand(command, environment(settings.device(), threads), true, Optional.of(engine));
    }

    /** A user's own command, run by the shell; it reads the trial as JSON on its standard input. */
    static TrialCommand external(String shellCommand, Device device, Optional<Integer> threads) {
        Objects.requireNonNull(shellCommand, "shellCommand");
        if (shellCommand.isBlank()) {
            throw new IllegalArgumentException("--trial-command must not be empty");
        }
        return new TrialCommand(List.of("/bin/sh", "-c", shellCommand), environment(device, threads), false,
                Optional.empty());
    }

    /**
     * The device's variables, and the thread count when several workers share the cores: OpenMP's spinning
     * barriers stall when the trials together ask for more threads than there are cores.
     */
    private static Map<String, String> environment(Device device, Optional<Integer> threads) {
        Map<String, String> env = new LinkedHashMap<>(device.environment());
        threads.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + n);
            }
            env.put("OMP_NUM_THREADS", Integer.toString(n));
            env.put("MKL_NUM_THREADS", Integer.toString(n));
            env.put("OPENBLAS_NUM_THREADS", Integer.toString(n));
        });
        return env;
    }
}
