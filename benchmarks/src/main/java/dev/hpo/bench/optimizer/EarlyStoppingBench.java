package dev.hpo.bench.optimizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.optimizer.core.KnownMetrics;
import dev.hpo.optimizer.core.SearchProblem;
import dev.hpo.optimizer.evolution.Nsga2Search;
import dev.hpo.optimizer.pareto.Hypervolume;
import dev.hpo.optimizer.pruning.AshaPruner;
import dev.hpo.optimizer.pruning.EarlyStopper;
import dev.hpo.optimizer.pruning.Pruner;
import dev.hpo.space.Configuration;
import dev.hpo.study.Fidelity;
import dev.hpo.study.Objective;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Early stopping in a study with two objectives: NSGA-II on the two-objective mixed training problem (error and
 * MACs, MACs known before training), where a trial trains for {@value #STEPS} steps and reports its error after
 * each, as a study with {@code "fidelity": {"unit": "steps", "max": 27}} would. Cost is counted in steps; after each
 * full run's worth of steps the hypervolume of the completed trials' (error, MACs / 1e8) below (1, 1) is recorded.
 *
 * <p>Arms: no rule; ASHA ranking each rung by Pareto rank and crowding distance on both objectives, MACs taken
 * exactly (the rule a two-objective study gets); and ASHA on the error alone (what such a study got before). ASHA
 * with reduction factor 3 and rungs at 3 and 9 steps.
 */
final class EarlyStoppingBench {

    static final int STEPS = 27;
    private static final double[] REFERENCE = {1.0, 1.0};
    private static final Fidelity FIDELITY = Fidelity.steps(STEPS);
    private static final List<Objective> OBJECTIVES = List.of(Objective.minimize("error"),
            Objective.minimize("macs"));

    private EarlyStoppingBench() {
    }

    /** An arm of the benchmark: how its study stops trials. */
    private record Arm(String name, EarlyStopper stopper) {
    }

    private static List<Arm> arms() {
        Pruner asha = new AshaPruner(1.0 / 9, 3);
        return List.of(
                new Arm("NSGA2", new EarlyStopper(Pruner.NEVER, FIDELITY, OBJECTIVES, KnownMetrics.none())),
                new Arm("NSGA2+ASHA(pareto)", new EarlyStopper(asha, FIDELITY, OBJECTIVES,
                        StandardProblems.MixedTraining.KNOWN)),
                new Arm("NSGA2+ASHA(error only)", new EarlyStopper(asha, FIDELITY, OBJECTIVES.subList(0, 1),
                        KnownMetrics.none())));
    }

    /**
     * @param fullRuns the budget, in full runs of {@value #STEPS} steps
     * @param checkpoints budgets, in full runs, at which the median hypervolume is reported
     */
    static ObjectNode run(ObjectMapper json, int seeds, int fullRuns, List<Integer> checkpoints) {
        ObjectNode node = json.createObjectNode();
        node.put("problem", "two-objective-early-stopping");
        node.put("goal", "maximize hypervolume of completed trials' (error, macs / 1e8) below (1, 1) at equal cost");
        node.put("stepsPerFullRun", STEPS);
        ObjectNode medians = node.putObject("medianHypervolume");
        ObjectNode trials = node.putObject("medianTrials");
        ObjectNode seconds = node.putObject("secondsPerRun");
        for (Arm arm : arms()) {
            double[][] volumes = new double[checkpoints.size()][seeds];
            double[] started = new double[seeds];
            double total = 0;
            for (int s = 0; s < seeds; s++) {
                long start = System.nanoTime();
                Run run = run(arm.stopper(), 1000L + s, fullRuns);
                total += (System.nanoTime() - start) / 1e9;
                started[s] = run.trials();
                for (int c = 0; c < checkpoints.size(); c++) {
                    volumes[c][s] = run.hypervolume()[checkpoints.get(c) - 1];
                }
            }
            ObjectNode perBudget = medians.putObject(arm.name());
            for (int c = 0; c < checkpoints.size(); c++) {
                perBudget.put(String.valueOf(checkpoints.get(c)),
                        OptimizerBenchCommand.round(OptimizerBenchmark.median(volumes[c])));
            }
            trials.put(arm.name(), OptimizerBenchmark.median(started));
            seconds.put(arm.name(), OptimizerBenchCommand.round(total / seeds));
        }
        return node;
    }

    /** One run: the hypervolume after each full run's worth of steps, and how many trials it started. */
    record Run(double[] hypervolume, int trials) {
    }

    static Run run(EarlyStopper stopper, long seed, int fullRuns) {
        SearchProblem problem = MultiObjectiveBench.problem(seed);
        Nsga2Search nsga2 = new Nsga2Search();
        List<Trial> trials = new ArrayList<>();
        List<double[]> front = new ArrayList<>();
        double[] volume = new double[fullRuns];
        int spent = 0;
        while (spent < fullRuns * STEPS) {
            List<Configuration> next = nsga2.propose(problem, trials, 1);
            if (next.isEmpty()) {
                break;
            }
            Configuration c = next.get(0);
            int number = trials.size();
            double macs = StandardProblems.MixedTraining.macs(c);
            List<Measurement> measurements = new ArrayList<>();
            TrialState end = TrialState.COMPLETE;
            for (int step = 1; step <= STEPS; step++) {
                measurements.add(Measurement.of(step, step, Map.of("error", error(c, step))));
                spent++;
                if (step == STEPS) {
                    front.add(new double[] {error(c, step), macs / 1e8});
                }
                if (spent % STEPS == 0) {
                    volume[spent / STEPS - 1] = Hypervolume.of(front, REFERENCE);
                }
                if (step < STEPS && spent == fullRuns * STEPS) {
                    end = TrialState.STOPPED;
                    break;
                }
                Trial running = Trial.of(number, c, TrialState.RUNNING, Map.of(), measurements, false, Instant.EPOCH);
                if (step < STEPS && stopper.shouldStop(with(trials, running), running)) {
                    end = TrialState.PRUNED;
                    break;
                }
            }
            // A trial stopped early keeps its last measurement's error, as the service keeps it.
            Map<String, Double> metrics = end == TrialState.COMPLETE
                    ? Map.of("error", error(c, STEPS), "macs", macs) : Map.of("macs", macs);
            trials.add(Trial.of(number, c, end, metrics, measurements, false, Instant.EPOCH));
        }
        return new Run(volume, trials.size());
    }

    /**
     * The error after {@code step} steps: from 0.9 down to the configuration's final error, reached at the last
     * step, faster the higher the learning rate. Fast starters are not always the best finishers, so a rung's
     * ranking is informative but imperfect, as it is in training.
     */
    static double error(Configuration c, int step) {
        double last = StandardProblems.MixedTraining.error(c);
        double pace = (Math.log10(StandardProblems.number(c, "learningRate")) + 4) / 4;
        double rate = 0.08 + 0.3 * pace;
        double left = (Math.exp(-rate * step) - Math.exp(-rate * STEPS)) / (1 - Math.exp(-rate * STEPS));
        return last + (0.9 - last) * left;
    }

    private static List<Trial> with(List<Trial> earlier, Trial current) {
        List<Trial> all = new ArrayList<>(earlier.size() + 1);
        all.addAll(earlier);
        all.add(current);
        return all;
    }
}
