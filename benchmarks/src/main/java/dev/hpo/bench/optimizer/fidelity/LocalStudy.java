package dev.hpo.bench.optimizer.fidelity;

import dev.hpo.optimizer.StudyHistory;
import dev.hpo.optimizer.core.SearchAlgorithm;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.trial.Measurement;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A study run in this process, for a search algorithm the search API does not host (the TPE reference): the
 * algorithm proposes from the study's trials exactly as a hosted one would, and an optional
 * {@link SuccessiveHalvingRule} judges every measurement. Trials are numbered from 0 and keep their measurements,
 * and a stopped trial ends PRUNED with its last measurement as its result, as in the service.
 */
public final class LocalStudy implements Study {

    private final StudySpec spec;
    private final SearchAlgorithm algorithm;
    private final Optional<SuccessiveHalvingRule> rule;
    private final String metric;
    /** Every trial so far, its number its index. */
    private final List<Trial> trials = new ArrayList<>();
    private final Set<Long> toldToStop = new HashSet<>();
    private boolean ended;

    /**
     * @param spec the study spec, as a client would send it: its search space, objective and seed are used, its
     *        algorithm and early stopping are not
     */
    public LocalStudy(String spec, SearchAlgorithm algorithm, Optional<SuccessiveHalvingRule> rule) {
        this.spec = StudySpecParser.parse(spec);
        this.algorithm = algorithm;
        this.rule = rule;
        this.metric = this.spec.objectives().get(0).metric();
    }

    @Override
    public Optional<Suggested> suggest() {
        if (ended) {
            return Optional.empty();
        }
        List<Configuration> next = algorithm.propose(new StudyHistory(spec, trials).problem(), trials, 1);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        long number = trials.size();
        trials.add(trial(number, next.get(0), TrialState.RUNNING, Map.of(), List.of()));
        return Optional.of(new Suggested(number, next.get(0).values()));
    }

    @Override
    public boolean measure(Suggested suggested, long step, double value) {
        Trial trial = running(suggested);
        List<Measurement> measurements = new ArrayList<>(trial.measurements());
        measurements.add(Measurement.of(step, 0, Map.of(metric, value)));
        trials.set((int) trial.number(), trial(trial.number(), trial.parameters(), TrialState.RUNNING, Map.of(),
                measurements));
        if (rule.isPresent() && rule.get().shouldStop(trials, trial.number(), step, value)) {
            toldToStop.add(trial.number());
            return true;
        }
        return false;
    }

    @Override
    public void complete(Suggested suggested, double value) {
        Trial trial = running(suggested);
        TrialState end = toldToStop.contains(trial.number()) ? TrialState.PRUNED : TrialState.COMPLETE;
        trials.set((int) trial.number(), trial(trial.number(), trial.parameters(), end, Map.of(metric, value),
                trial.measurements()));
    }

    /** Ends the study; a trial still running ends STOPPED with its last measurement as its result. */
    @Override
    public void end() {
        ended = true;
        for (Trial t : List.copyOf(trials)) {
            if (t.state() == TrialState.RUNNING) {
                trials.set((int) t.number(), trial(t.number(), t.parameters(), TrialState.STOPPED, Map.of(),
                        t.measurements()));
            }
        }
    }

    /** The study's trials, in number order. */
    public List<Trial> trials() {
        return List.copyOf(trials);
    }

    private Trial running(Suggested suggested) {
        Trial trial = trials.get(Math.toIntExact(suggested.id()));
        if (trial.state() != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + suggested.id() + " is " + trial.state() + ", not running");
        }
        return trial;
    }

    private static Trial trial(long number, Configuration parameters, TrialState state, Map<String, Double> metrics,
                               List<Measurement> measurements) {
        return Trial.of(number, parameters, state, metrics, measurements, false, Instant.EPOCH);
    }
}
