package dev.hpo.bench.optimizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.bench.optimizer.fidelity.RunTrace;
import dev.hpo.bench.optimizer.lcbench.LcBenchSurrogate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of the LCBench suite: the settings, the best reachable accuracy of each task, how each arm ran
 * (through the API with the algorithm as the service spelled it out, or in process), median regret and mean rank
 * per arm at each budget, the arm with the lowest median regret there, and per arm the median trials, stopped
 * trials and full runs of a run and its mean seconds; with {@code --cases}, every case's regret at each budget too,
 * since a median over 30 cases can move with the few cases near it.
 */
final class LcBenchReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TPE_REFERENCE = "in process: the TPE reference (benchmarks module, 10 random start-up"
            + " trials, good group the best 25 %) is no algorithm the search API hosts";
    private static final String OPTUNA_SH = "Optuna 3.1 SuccessiveHalvingPruner's: reduction factor 4, minimum"
            + " resource auto, rungs judged on the value reported there";

    private LcBenchReport() {
    }

    /**
     * @param checkpoints budgets in full runs
     * @param bestReachable per task, in the order run
     * @param traces per arm, its runs task by task and, within a task, seed by seed
     * @param served per arm run through the API, the spec's {@code algorithm} as the service holds it
     */
    static ObjectNode of(LcBenchSettings settings, List<Integer> checkpoints, Map<Integer, Double> bestReachable,
                         Map<LcBenchSuite.Arm, List<RunTrace>> traces, Map<LcBenchSuite.Arm, JsonNode> served) {
        ObjectNode report = JSON.createObjectNode();
        report.put("suite", "lcbench");
        report.put("surrogate", "YAHPO Gym LCBench v1.0.2 (ONNX); val_accuracy in points, 0 to 100");
        report.putPOJO("tasks", settings.tasks());
        report.put("seeds", settings.seeds());
        report.put("epochsPerFullRun", LcBenchSurrogate.EPOCHS);
        report.put("budgetFullRuns", settings.budget());
        report.put("regret", "the task's best reachable epoch-52 val_accuracy minus the run's score, the epoch-52"
                + " val_accuracy of the best configuration it trained to the end; 0 before it trained one");
        ObjectNode best = report.putObject("bestReachable");
        best.put("method", "best of 100,000 uniform configurations, then 25 rounds of local search");
        bestReachable.forEach((task, value) -> best.put(String.valueOf(task), round(value)));
        ObjectNode arms = report.putObject("arms");
        traces.keySet().forEach(arm -> {
            ObjectNode node = arms.putObject(arm.name());
            if (arm.throughApi()) {
                node.put("via", "REST").set("algorithm", served.get(arm));
            } else {
                node.put("via", TPE_REFERENCE).put("earlyStopping", arm.successiveHalving() ? OPTUNA_SH : "none");
            }
        });
        scores(report, checkpoints, cases(settings, bestReachable), traces);
        if (settings.cases()) {
            caseRegret(report, settings, checkpoints, bestReachable, traces);
        }
        ObjectNode runs = report.putObject("runs");
        traces.forEach((arm, list) -> runs.putObject(arm.name())
                .put("medianTrials", SuiteScores.median(list.stream().mapToDouble(RunTrace::trials).toArray()))
                .put("medianStopped", SuiteScores.median(list.stream().mapToDouble(RunTrace::stopped).toArray()))
                .put("medianFullRuns", SuiteScores.median(list.stream().mapToDouble(t -> t.fullRuns().size())
                        .toArray()))
                .put("secondsPerRun", round(list.stream().mapToDouble(RunTrace::seconds).average().orElse(0))));
        return report;
    }

    /** The best reachable accuracy of each case, in the order the cases ran. */
    private static double[] cases(LcBenchSettings settings, Map<Integer, Double> bestReachable) {
        List<Double> best = new ArrayList<>();
        bestReachable.values().forEach(value -> {
            for (int seed = 0; seed < settings.seeds(); seed++) {
                best.add(value);
            }
        });
        return best.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void scores(ObjectNode report, List<Integer> checkpoints, double[] best,
                               Map<LcBenchSuite.Arm, List<RunTrace>> traces) {
        List<LcBenchSuite.Arm> arms = List.copyOf(traces.keySet());
        ObjectNode medians = report.putObject("medianRegret");
        ObjectNode ranks = report.putObject("meanRank");
        ObjectNode lowest = report.putObject("lowestMedianRegret");
        arms.forEach(arm -> {
            medians.putObject(arm.name());
            ranks.putObject(arm.name());
        });
        for (int budget : checkpoints) {
            double[][] scores = new double[best.length][arms.size()];
            for (int a = 0; a < arms.size(); a++) {
                List<RunTrace> runs = traces.get(arms.get(a));
                for (int c = 0; c < best.length; c++) {
                    scores[c][a] = runs.get(c).bestAfter((long) budget * LcBenchSurrogate.EPOCHS);
                }
            }
            double[] regret = SuiteScores.medianRegret(scores, best);
            double[] rank = SuiteScores.meanRank(scores);
            int lowestArm = 0;
            for (int a = 0; a < arms.size(); a++) {
                ((ObjectNode) medians.get(arms.get(a).name())).put(String.valueOf(budget), round(regret[a]));
                ((ObjectNode) ranks.get(arms.get(a).name())).put(String.valueOf(budget), round(rank[a]));
                lowestArm = regret[a] < regret[lowestArm] ? a : lowestArm;
            }
            lowest.put(String.valueOf(budget), arms.get(lowestArm).name());
        }
    }

    /** Per arm, per case ("task/seed"), the regret at each budget. */
    private static void caseRegret(ObjectNode report, LcBenchSettings settings, List<Integer> checkpoints,
                                   Map<Integer, Double> bestReachable, Map<LcBenchSuite.Arm, List<RunTrace>> traces) {
        ObjectNode byArm = report.putObject("caseRegret");
        traces.forEach((arm, runs) -> {
            ObjectNode byCase = byArm.putObject(arm.name());
            int c = 0;
            for (Map.Entry<Integer, Double> task : bestReachable.entrySet()) {
                for (int seed = 0; seed < settings.seeds(); seed++, c++) {
                    ObjectNode regret = byCase.putObject(task.getKey() + "/" + seed);
                    for (int budget : checkpoints) {
                        double score = runs.get(c).bestAfter((long) budget * LcBenchSurrogate.EPOCHS);
                        regret.put(String.valueOf(budget), round(task.getValue() - SuiteScores.scored(score)));
                    }
                }
            }
        });
    }

    private static double round(double value) {
        return Math.round(value * 1e3) / 1e3;
    }
}
