package dev.hpo.api.confirm;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyStatus;
import dev.hpo.api.study.StudyStatuses;
import dev.hpo.api.trial.TrialGenerator;
import dev.hpo.api.trial.TrialStore;
import dev.hpo.optimizer.StudyRanking;
import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.protocol.Confirm;
import dev.hpo.protocol.ConfirmationReport;
import dev.hpo.protocol.ConfirmedConfiguration;
import dev.hpo.protocol.MetricInterval;
import dev.hpo.study.FieldError;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Confirmation runs: which configurations a request confirms (the best by the study's own ranking, and any named
 * trial's), creating their runs, and the report of what the runs measured.
 */
@Service
public class Confirmations {

    private final StudyStatuses statuses;
    private final StudyCatalog catalog;
    private final TrialStore store;
    private final TrialGenerator generator;

    Confirmations(StudyStatuses statuses, StudyCatalog catalog, TrialStore store, TrialGenerator generator) {
        this.statuses = statuses;
        this.catalog = catalog;
        this.store = store;
        this.generator = generator;
    }

    /**
     * Creates the runs a request asks for and answers with the study's report.
     *
     * @throws ApiException.NotFound when the study does not exist
     * @throws ApiException.InvalidRequest naming each field at fault: nothing asked for, an unknown trial, a trial
     *         that is itself a confirmation run
     * @throws ApiException.Conflict while the study is still searching, or when it has no completed configuration
     *         to take the best of
     */
    ConfirmationReport confirm(long studyId, Confirm request) {
        StudyStatus study = study(studyId);
        if (!study.state().finished()) {
            throw TrialGenerator.stillSearching(studyId);
        }
        StudySpec spec = catalog.spec(study);
        List<Trial> trials = canonical(spec, studyId);
        List<FieldError> problems = new ArrayList<>();
        if (request.topOrNone() == 0 && request.trials().isEmpty()) {
            problems.add(new FieldError("top", "asks for nothing: give top, trials or both"));
        }
        Map<Long, Trial> chosen = new LinkedHashMap<>();
        for (int i = 0; i < request.trials().size(); i++) {
            long id = request.trials().get(i);
            Optional<Trial> named = trials.stream().filter(t -> t.id() == id).findFirst();
            if (named.isEmpty()) {
                problems.add(new FieldError("trials[" + i + "]", "trial " + id + " is not a trial of study "
                        + studyId));
            } else if (named.get().confirmation()) {
                problems.add(new FieldError("trials[" + i + "]", "trial " + id + " is a confirmation run; name a "
                        + "search trial of the configuration"));
            } else {
                chosen.putIfAbsent(named.get().configKey(), named.get());
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException.InvalidRequest("The confirmation request is invalid.", problems);
        }
        List<Trial> best = best(spec, trials, request.topOrNone());
        if (request.topOrNone() > 0 && best.isEmpty()) {
            throw new ApiException.Conflict("Study " + studyId + " has no completed configuration to confirm.");
        }
        Map<Long, Trial> all = new LinkedHashMap<>();
        best.forEach(t -> all.putIfAbsent(t.configKey(), t));
        all.putAll(chosen);
        generator.confirm(studyId, List.copyOf(all.values()), request.repeats());
        return report(studyId);
    }

    /**
     * Starts the confirmation the study's spec asks for, if any; for a study whose search has just completed.
     *
     * @return the runs created
     */
    int confirmAsSpecified(long studyId) {
        StudySpec spec = spec(studyId);
        if (spec.confirm().isEmpty()) {
            return 0;
        }
        List<Trial> best = best(spec, canonical(spec, studyId), spec.confirm().get().top());
        if (best.isEmpty()) {
            return 0;
        }
        return generator.confirm(studyId, best, spec.confirm().get().repeats()).size();
    }

    /** @throws ApiException.NotFound when the study does not exist */
    ConfirmationReport report(long studyId) {
        StudySpec spec = spec(studyId);
        List<Trial> trials = canonical(spec, studyId);
        StudyRanking ranking = StudyRanking.of(spec, trials);
        Map<Long, List<Trial>> runs = new TreeMap<>();
        for (Trial t : trials) {
            if (t.confirmation()) {
                runs.computeIfAbsent(t.configKey(), k -> new ArrayList<>()).add(t);
            }
        }
        List<ConfirmedConfiguration> confirmed = new ArrayList<>();
        for (Map.Entry<Long, List<Trial>> e : runs.entrySet()) {
            Trial searched = trials.stream().filter(t -> t.number() == e.getKey()).findFirst().orElseThrow();
            OptionalInt rank = ranking.rank(searched);
            confirmed.add(configuration(e.getKey(), searched, e.getValue(),
                    rank.isPresent() ? rank.getAsInt() : null,
                    ranking.configurationOf(searched).map(Confirmations::means).orElse(Map.of())));
        }
        confirmed.sort(Comparator.comparing((ConfirmedConfiguration c) -> c.searchRank() == null)
                .thenComparing(c -> c.searchRank() == null ? 0 : c.searchRank())
                .thenComparing(ConfirmedConfiguration::configKey));
        return new ConfirmationReport(studyId, confirmed);
    }

    private static ConfirmedConfiguration configuration(long configKey, Trial searched, List<Trial> runs,
                                                        Integer rank, Map<String, Double> searchMetrics) {
        Map<String, List<Double>> values = new TreeMap<>();
        int completed = 0;
        int failed = 0;
        int stopped = 0;
        for (Trial run : runs) {
            if (run.state() == TrialState.COMPLETE) {
                completed++;
                run.metrics().forEach((name, v) -> {
                    if (Double.isFinite(v)) {
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
                    }
                });
            } else if (run.state() == TrialState.STOPPED) {
                stopped++;
            } else if (run.isFinished()) {
                failed++;
            }
        }
        Map<String, MetricInterval> metrics = new TreeMap<>();
        values.forEach((name, v) -> metrics.put(name, MetricIntervals.of(v)));
        return new ConfirmedConfiguration(configKey, searched.parameters().values(), rank, searchMetrics,
                runs.size(), completed, failed, stopped, metrics);
    }

    private static Map<String, Double> means(EvaluatedConfiguration c) {
        Map<String, Double> means = new TreeMap<>();
        c.metrics().forEach((name, summary) -> means.put(name, summary.mean()));
        return means;
    }

    /** The first trial of each of the best {@code top} configurations, best first. */
    private static List<Trial> best(StudySpec spec, List<Trial> trials, int top) {
        return StudyRanking.of(spec, trials).ranked().stream().limit(top).map(c -> c.trials().get(0)).toList();
    }

    private StudySpec spec(long studyId) {
        return catalog.spec(study(studyId));
    }

    private StudyStatus study(long studyId) {
        return statuses.find(studyId)
                .orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " does not exist."));
    }

    private List<Trial> canonical(StudySpec spec, long studyId) {
        return store.ofStudy(studyId, false).stream().map(t -> t.inCanonicalTypes(spec.searchSpace())).toList();
    }
}
