package dev.hpo.bench.optimizer.fidelity;

import dev.hpo.study.Goal;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Successive halving as Optuna's {@code SuccessiveHalvingPruner} (3.1) decides, with its defaults (reduction factor
 * 4, minimum early-stopping rate 0, no bootstrap), for the TPE reference, which the search API does not host. The
 * project's own rules ({@code dev.hpo.optimizer.pruning}) differ on purpose; this one is what a TPE user would get.
 *
 * <ul>
 * <li>The minimum resource is estimated once the first trial has completed: its last step divided by 100, at least
 *     1 (Optuna's {@code "auto"}). Until then no trial stops.</li>
 * <li>Rung {@code k} lies at step {@code minResource * 4^k}. A trial reaches its next rung with the first report at
 *     or past it, and is judged there on the value of that report (not its best so far), against the values every
 *     other trial recorded at that rung, whatever became of it.</li>
 * <li>It goes on when its value is among the best {@code floor(n / 4)} of the {@code n} values there, itself
 *     included, or the best one while {@code n < 4}; otherwise it stops. Its value stays recorded either way.</li>
 * </ul>
 * Keeps the values recorded at each rung, as Optuna keeps them in its trials' system attributes: one rule per study.
 */
public final class SuccessiveHalvingRule {

    static final int REDUCTION_FACTOR = 4;

    private final Goal goal;
    private OptionalLong minResource = OptionalLong.empty();
    /** Trial id -> its value at every rung it completed, rung 0 first. */
    private final Map<Long, List<Double>> rungValues = new HashMap<>();

    public SuccessiveHalvingRule(Goal goal) {
        this.goal = goal;
    }

    /**
     * Judges a trial's latest report.
     *
     * @param trials the study's trials, to estimate the minimum resource from the completed ones
     * @return true when the trial should stop
     */
    public boolean shouldStop(List<Trial> trials, long trialId, long step, double value) {
        if (minResource.isEmpty()) {
            minResource = estimateMinResource(trials);
            if (minResource.isEmpty()) {
                return false;
            }
        }
        List<Double> own = rungValues.computeIfAbsent(trialId, id -> new ArrayList<>());
        while (step >= minResource.getAsLong() * Math.pow(REDUCTION_FACTOR, own.size())) {
            int rung = own.size();
            List<Double> competing = new ArrayList<>();
            rungValues.forEach((id, values) -> {
                if (id != trialId && values.size() > rung) {
                    competing.add(values.get(rung));
                }
            });
            competing.add(value);
            own.add(value);
            if (!promotable(value, competing)) {
                return true;
            }
        }
        return false;
    }

    private boolean promotable(double value, List<Double> competing) {
        int index = Math.max(0, competing.size() / REDUCTION_FACTOR - 1);
        competing.sort(null);
        return goal == Goal.MAXIMIZE ? value >= competing.get(competing.size() - 1 - index)
                : value <= competing.get(index);
    }

    private static OptionalLong estimateMinResource(List<Trial> trials) {
        OptionalLong lastStep = trials.stream().filter(t -> t.state() == TrialState.COMPLETE)
                .flatMap(t -> t.lastMeasurement().stream()).mapToLong(Measurement::step).max();
        return lastStep.isEmpty() ? lastStep : OptionalLong.of(Math.max(lastStep.getAsLong() / 100, 1));
    }
}
