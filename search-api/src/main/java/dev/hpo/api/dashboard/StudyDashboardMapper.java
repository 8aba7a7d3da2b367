package dev.hpo.api.dashboard;

import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRules;
import dev.hpo.api.dashboard.StudyOverview.Constraint;
import dev.hpo.api.dashboard.StudyOverview.Objective;
import dev.hpo.api.dashboard.StudyOverview.ParameterAxis;
import dev.hpo.optimizer.StudyRanking;
import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.space.CategoricalParameter;
import dev.hpo.space.FloatParameter;
import dev.hpo.space.IntParameter;
import dev.hpo.space.Parameter;
import dev.hpo.space.Scale;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A study's page document, built from the trial store's {@link Trial} values and the study's {@link StudyRanking}:
 * the one place that turns trials into the page's columns and the ranking into what the page marks.
 */
final class StudyDashboardMapper {

    /** Metrics every trial of the built-in trainer reports; a study's own objectives and constraints come on top. */
    private static final List<String> STANDARD_METRICS = List.of("accuracy", "macs", "params", "loss", "wallSeconds");

    private StudyDashboardMapper() {
    }

    /**
     * @param trials every trial of the study in number order, in its space's canonical types
     * @param steps distinct measurement steps by trial id, for trials that reported any
     * @param progress how far each trial's latest attempt got in the study's fidelity unit, by trial id
     * @param ranking the study's ranking of those trials
     */
    static StudyDashboard map(StudyEntity study, StudySpec spec, List<Trial> trials, Map<Long, Integer> steps,
                              Map<Long, Double> progress, StudyRanking ranking, Map<Long, List<String>> artifacts) {
        List<ParameterAxis> axes = axes(spec);
        Set<String> metricNames = new LinkedHashSet<>(STANDARD_METRICS);
        spec.objectives().forEach(o -> metricNames.add(o.metric()));
        spec.constraints().forEach(c -> metricNames.add(c.metric()));
        TrialColumnsBuilder columns = new TrialColumnsBuilder(study.getCreatedAt(), ranking, metricNames,
                axes.stream().map(ParameterAxis::name).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Trial t : trials) {
            columns.add(t, steps.get(t.id()), progress.get(t.id()), artifacts.getOrDefault(t.id(), List.of()));
            counts.merge(t.state().name(), 1L, Long::sum);
        }
        StudyOverview overview = new StudyOverview(study.getId(), study.getName(), spec.description().orElse(null),
                study.getState().name(), study.getCreatedAt(), study.getFinishedAt(), StudyRules.trialCapacity(spec),
                spec.fidelity(), counts, spec.objectives().stream().map(o -> new Objective(o.metric(), o.goal().name())).toList(),
                constraints(spec, ranking), axes);
        return new StudyDashboard(overview, columns.build(), ranking(spec, trials, ranking));
    }

    private static Ranking ranking(StudySpec spec, List<Trial> trials, StudyRanking ranking) {
        Map<Long, Integer> rows = new HashMap<>();
        for (int row = 0; row < trials.size(); row++) {
            rows.put(trials.get(row).id(), row);
        }
        List<Trial> byTime = trials.stream().filter(t -> t.finishedAt() != null)
                .sorted(Comparator.comparing(Trial::finishedAt)).toList();
        Ranking.Best best = ranking.best().map(c -> {
            Trial first = c.completedTrials().get(0);
            Map<String, Double> means = new HashMap<>();
            c.metrics().forEach((name, summary) -> means.put(name, TrialColumnsBuilder.sixDigits(summary.mean())));
            return new Ranking.Best(rows.get(first.id()), first.number(), means, ranking.feasible(c));
        }).orElse(null);
        List<Integer> front = spec.multiObjective()
                ? ranking.paretoFront().stream().map(c -> rows.get(firstCompleted(c).id())).toList()
                : null;
        return new Ranking(best, ranking.bestSoFar(trials).stream().map(t -> rows.get(t.id())).toList(),
                ranking.bestSoFar(byTime).stream().map(t -> rows.get(t.id())).toList(), front);
    }

    private static Trial firstCompleted(EvaluatedConfiguration configuration) {
        return configuration.completedTrials().get(0);
    }

    /** The study's constraints as the ranking judges them now, each saying whether a bound is the baseline's. */
    private static List<Constraint> constraints(StudySpec spec, StudyRanking ranking) {
        List<Constraint> shown = new ArrayList<>();
        for (int i = 0; i < spec.constraints().size(); i++) {
            dev.hpo.study.Constraint resolved = ranking.resolvedConstraints().get(i);
            String baseline = switch (spec.constraints().get(i).baseline()) {
                case NONE -> null;
                case MIN -> "min";
                case MAX -> "max";
            };
            shown.add(new Constraint(resolved.metric(), bound(resolved.min()), bound(resolved.max()), baseline));
        }
        return shown;
    }

    private static Double bound(OptionalDouble bound) {
        return bound.isPresent() ? Double.valueOf(bound.getAsDouble()) : null;
    }

    /** The searched parameters as chart axes; a fixed parameter has one value for every trial and gets none. */
    private static List<ParameterAxis> axes(StudySpec spec) {
        List<ParameterAxis> axes = new ArrayList<>();
        for (Parameter p : spec.searchSpace().parameters()) {
            if (p instanceof FloatParameter f) {
                axes.add(new ParameterAxis(f.name(), "float", f.min(), f.max(), scale(f.scale()), List.of()));
            } else if (p instanceof IntParameter i) {
                axes.add(new ParameterAxis(i.name(), "int", (double) i.min(), (double) i.max(), scale(i.scale()),
                        List.of()));
            } else if (p instanceof CategoricalParameter c) {
                axes.add(new ParameterAxis(c.name(), "categorical", null, null, "linear", c.values()));
            }
        }
        return axes;
    }

    private static String scale(Scale scale) {
        return scale.name().toLowerCase();
    }
}
