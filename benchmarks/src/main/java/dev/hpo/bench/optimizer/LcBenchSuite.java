package dev.hpo.bench.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.bench.InProcessApi;
import dev.hpo.bench.optimizer.fidelity.EpochWorker;
import dev.hpo.bench.optimizer.fidelity.LocalStudy;
import dev.hpo.bench.optimizer.fidelity.RestStudy;
import dev.hpo.bench.optimizer.fidelity.RunTrace;
import dev.hpo.bench.optimizer.fidelity.Study;
import dev.hpo.bench.optimizer.fidelity.SuccessiveHalvingRule;
import dev.hpo.bench.optimizer.lcbench.BestReachable;
import dev.hpo.bench.optimizer.lcbench.LcBenchConfig;
import dev.hpo.bench.optimizer.lcbench.LcBenchSpace;
import dev.hpo.bench.optimizer.lcbench.LcBenchSurrogate;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.protocol.client.Retry;
import dev.hpo.study.Budget;
import dev.hpo.study.Goal;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code hpo bench optimizer --suite lcbench}: the algorithms on the LCBench surrogate, a benchmark with a fidelity,
 * run as a client runs them. The search API starts in this process on H2; each run creates a study over REST (the
 * seven parameters, {@code val_accuracy} maximised, a fidelity of 52 steps, the arm's early-stopping rule) and acts
 * as its one worker: takes suggestions, reports {@code val_accuracy} after every epoch from the surrogate, stops when
 * told and completes at epoch 52. The TPE reference is no algorithm the API hosts, so its arms run the same worker
 * against a study in this process, with Optuna's successive halving as their rule.
 *
 * <p>Cost is counted in epochs, 52 to a full run. A run's score after a budget is the epoch-52 accuracy of the best
 * configuration it had trained to the end within that budget; its regret is {@link BestReachable}'s estimate for the
 * task minus that score. Printed: median regret and mean rank per arm after 5, 10 and 20 full runs' worth of epochs
 * (those within {@code --budget}, and the budget itself), over every task and seed.
 */
final class LcBenchSuite {

    /** The surrogate's tasks the suite runs on; the others are kept out of the optimizer's tuning. */
    static final List<Integer> TASKS = List.of(3945, 7593, 34539, 126025, 126026, 167149, 167152, 168330, 189862,
            189908);
    static final List<Arm> ARMS = List.of(
            Arm.rest("EVOLUTION+ASHA", "EVOLUTION", "ASHA"),
            Arm.rest("EVOLUTION+MEDIAN", "EVOLUTION", "MEDIAN"),
            Arm.rest("EVOLUTION", "EVOLUTION", "NONE"),
            Arm.rest("RANDOM", "RANDOM", "NONE"),
            new Arm("TPE", null, null, false),
            new Arm("TPE+SH", null, null, true));
    private static final String WORKER = "lcbench-worker";

    /**
     * One algorithm with one early-stopping rule.
     *
     * @param algorithm the API's algorithm, or null for the TPE reference in process
     * @param rule the API's early-stopping rule, or null for the TPE reference
     * @param successiveHalving true for the TPE reference with {@link SuccessiveHalvingRule}
     */
    record Arm(String name, String algorithm, String rule, boolean successiveHalving) {

        static Arm rest(String name, String algorithm, String rule) {
            return new Arm(name, algorithm, rule, false);
        }

        boolean throughApi() {
            return algorithm != null;
        }
    }

    private final LcBenchSettings settings;
    private final PrintStream progress;

    LcBenchSuite(LcBenchSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * The command: {@code --suite lcbench} and the suite's options, in any order; prints the report as JSON on
     * {@code out} and progress on {@code err}.
     *
     * @return the exit code: 2 for a wrong option, named on {@code err}
     */
    static int command(List<String> args, PrintStream out, PrintStream err) {
        List<String> options = new ArrayList<>(args);
        int at = options.indexOf("--suite");
        if (at + 1 >= options.size() || !options.get(at + 1).equals("lcbench")) {
            err.println("hpo bench optimizer: --suite takes lcbench, the one suite there is");
            return 2;
        }
        options.subList(at, at + 2).clear();
        if (options.contains("--help") || options.contains("-h")) {
            out.println(LcBenchSettings.USAGE);
            out.println("arms: " + String.join(", ", ARMS.stream().map(Arm::name).toList()));
            out.println("tasks: " + TASKS);
            return 0;
        }
        LcBenchSettings settings;
        try {
            settings = LcBenchSettings.parse(options);
        } catch (IllegalArgumentException e) {
            err.println("hpo bench optimizer: " + e.getMessage());
            return 2;
        }
        try {
            ObjectNode report = new LcBenchSuite(settings, err).run();
            out.println(report.toPrettyString());
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every arm on every task and seed and returns the report. */
    ObjectNode run() throws IOException {
        Map<Integer, Double> bestReachable = new LinkedHashMap<>();
        Map<Arm, List<RunTrace>> traces = new LinkedHashMap<>();
        settings.arms().forEach(arm -> traces.put(arm, new ArrayList<>()));
        Map<Arm, JsonNode> served = new LinkedHashMap<>();
        long budget = (long) settings.budget() * LcBenchSurrogate.EPOCHS;
        try (LcBenchSurrogate surrogate = LcBenchSurrogate.load();
             InProcessApi server = InProcessApi.start("lcbench")) {
            ApiClient api = ApiClient.http(server.base(), Optional.empty(), Retry.never());
            for (int task : settings.tasks()) {
                double reachable = BestReachable.of(surrogate, task);
                bestReachable.put(task, reachable);
                for (int seed = 0; seed < settings.seeds(); seed++) {
                    StringBuilder line = new StringBuilder("task " + task + " seed " + seed + ", regret:");
                    for (Arm arm : settings.arms()) {
                        Study study = study(api, arm, task, seed);
                        if (study instanceof RestStudy rest) {
                            served.putIfAbsent(arm, rest.spec().get("algorithm"));
                        }
                        RunTrace trace = EpochWorker.run(study,
                                parameters -> surrogate.learningCurve(task, LcBenchConfig.of(parameters)), budget);
                        traces.get(arm).add(trace);
                        line.append(String.format(" %s %.2f (%.0f s)", arm.name(),
                                reachable - trace.bestAfter(budget), trace.seconds()));
                    }
                    progress.println(line);
                }
            }
        }
        return LcBenchReport.of(settings, checkpoints(settings.budget()), bestReachable, traces, served);
    }

    private Study study(ApiClient api, Arm arm, int task, int seed) {
        long studySeed = task * 1_000L + seed;
        String name = ("lcbench-" + task + "-" + seed + "-" + arm.name()).replace('+', '-').toLowerCase(Locale.ROOT);
        // Every trial costs at least one epoch, so the budget's epochs bound its trials.
        int maxTrials = (int) Math.min((long) settings.budget() * LcBenchSurrogate.EPOCHS, Budget.MAX_TRIALS);
        if (arm.throughApi()) {
            String spec = LcBenchSpace.spec(name, LcBenchSpace.algorithm(arm.algorithm(), arm.rule()), maxTrials,
                    studySeed);
            return RestStudy.create(api, spec, LcBenchSpace.METRIC, WORKER);
        }
        String spec = LcBenchSpace.spec(name, LcBenchSpace.algorithm("RANDOM", "NONE"), maxTrials, studySeed);
        return new LocalStudy(spec, new TreeParzenEstimator(0.25, 10, false),
                arm.successiveHalving() ? Optional.of(new SuccessiveHalvingRule(Goal.MAXIMIZE)) : Optional.empty());
    }

    /** 5, 10 and 20 full runs, those below the budget, and the budget itself. */
    static List<Integer> checkpoints(int budget) {
        List<Integer> checkpoints = new ArrayList<>();
        for (int c : new int[] {5, 10, 20}) {
            if (c < budget) {
                checkpoints.add(c);
            }
        }
        checkpoints.add(budget);
        return checkpoints;
    }
}
