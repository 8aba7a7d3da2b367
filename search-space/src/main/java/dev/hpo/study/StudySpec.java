package dev.hpo.study;

import dev.hpo.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a study searches, for what, and within which limits: the HAET formulation (minimise MACs subject to
 * accuracy above a baseline, or trade the two off) over a search space of architecture multipliers and training
 * hyperparameters. Built by {@link StudySpecParser} from the JSON format of {@code docs/study-spec.md}, which
 * reports every problem of a spec at once; this constructor checks only the rules that span several parts.
 *
 * @param name short identifier, unique among studies
 * @param description free text, if any
 * @param searchSpace the parameters searched
 * @param objectives one or two objectives on distinct metrics
 * @param constraints bounds on metrics a trial must meet to be feasible, at most one per metric
 * @param algorithm how configurations are proposed and trials stopped early
 * @param budget how many trials and how much time the study may spend
 * @param trialSettings how each trial runs
 * @param fidelity what a trial's progress is counted in and its budget; in seconds, the budget is the time cap
 * @param seed seed of the algorithm's random choices and of each repeat's data subset
 * @param confirm the confirmation runs the study starts when its search completes; empty for none
 * @param artifacts which trained networks the study keeps
 * @throws IllegalArgumentException when the objectives do not suit the algorithm, the budget cannot hold one
 *         trial, a budget in seconds is not the time cap, or the built-in trainer is given a budget in steps
 */
public record StudySpec(String name, Optional<String> description, SearchSpace searchSpace,
                        List<Objective> objectives, List<Constraint> constraints, AlgorithmSettings algorithm,
                        Budget budget, TrialSettings trialSettings, Fidelity fidelity, long seed,
                        Optional<Confirmation> confirm, ArtifactSettings artifacts) {

    public StudySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(searchSpace, "searchSpace");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(trialSettings, "trialSettings");
        Objects.requireNonNull(fidelity, "fidelity");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(artifacts, "artifacts");
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (objectives.isEmpty() || objectives.size() > 2) {
            throw new IllegalArgumentException("a study needs one or two objectives, got " + objectives.size());
        }
        requireDistinct(objectives.stream().map(Objective::metric).toList(), "objective");
        requireDistinct(constraints.stream().map(Constraint::metric).toList(), "constraint");
        if (algorithm.name() == Algorithm.NSGA2 && objectives.size() != 2) {
            throw new IllegalArgumentException("NSGA2 trades off two objectives; give two or use EVOLUTION");
        }
        if (!algorithm.name().multiObjective() && objectives.size() != 1) {
            throw new IllegalArgumentException(algorithm.name() + " optimises one objective; use NSGA2 for two");
        }
        if (fidelity.unit() == FidelityUnit.SECONDS && !fidelity.equals(Fidelity.seconds(trialSettings.timeCap()))) {
            throw new IllegalArgumentException("a budget in seconds is the time cap " + trialSettings.timeCap()
                    + ", got " + fidelity.max() + " s");
        }
        if (fidelity.unit() == FidelityUnit.STEPS && trialSettings.builtInTrainer()) {
            throw new IllegalArgumentException("the built-in trainer trains for its time cap; its fidelity is SECONDS");
        }
        budget.maxDuration().ifPresent(d -> {
            if (d.compareTo(trialSettings.timeCap()) < 0) {
                throw new IllegalArgumentException("budget maxDuration " + d + " is shorter than one trial's "
                        + "time cap " + trialSettings.timeCap());
            }
        });
    }

    /** True for a study with two objectives, whose result is a Pareto front rather than one best trial. */
    public boolean multiObjective() {
        return objectives.size() == 2;
    }

    private static void requireDistinct(List<String> metrics, String what) {
        Set<String> seen = new HashSet<>();
        for (String m : metrics) {
            if (!seen.add(m)) {
                throw new IllegalArgumentException("metric '" + m + "' has two " + what + "s");
            }
        }
    }
}
