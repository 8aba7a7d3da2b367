package dev.hpo.api.study;

import dev.hpo.api.error.ApiException;
import dev.hpo.optimizer.StudyRanking;
import dev.hpo.optimizer.core.EvaluatedConfiguration;
import dev.hpo.protocol.Best;
import dev.hpo.protocol.Candidate;
import dev.hpo.protocol.Pareto;
import dev.hpo.protocol.StudyView;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.StudyState;
import dev.hpo.trial.Trial;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/** Creating, reading, ranking and stopping studies; the ranking itself is the optimizer's {@link StudyRanking}. */
@Service
public class StudyService {

    private final StudyRepository studies;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final StudyTrials trials;
    private final Clock clock;

    StudyService(StudyRepository studies, StudyCatalog catalog, StudyLifecycle lifecycle, StudyTrials trials,
                 Clock clock) {
        this.studies = studies;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.trials = trials;
        this.clock = clock;
    }

    /**
     * @throws dev.hpo.study.InvalidSpecException listing every problem of the spec
     * @throws ApiException.Conflict when a study of that name exists
     */
    StudyView create(String specJson) {
        StudySpec spec = StudySpecParser.parse(specJson);
        if (studies.existsByName(spec.name())) {
            throw new ApiException.Conflict("A study named '" + spec.name() + "' exists already.");
        }
        try {
            StudyEntity study = studies.saveAndFlush(new StudyEntity(spec.name(), specJson, clock.instant()));
            return view(study, true);
        } catch (DataIntegrityViolationException raced) {
            throw new ApiException.Conflict("A study named '" + spec.name() + "' exists already.");
        }
    }

    List<StudyView> list() {
        return studies.findAllByOrderByIdAsc().stream().map(s -> view(refresh(s), false)).toList();
    }

    /** The study with its spec; read by the portable studies' import too, which answers with the new study. */
    public StudyView get(long id) {
        return view(refresh(find(id)), true);
    }

    StudyView stop(long id) {
        find(id);
        return view(lifecycle.end(id, StudyState.STOPPED), true);
    }

    Best best(long id) {
        StudyEntity study = find(id);
        StudySpec spec = catalog.spec(study);
        return new Best(id, spec.objectives().get(0), best(spec, id));
    }

    Pareto pareto(long id) {
        StudyEntity study = find(id);
        StudySpec spec = catalog.spec(study);
        if (spec.objectives().size() != 2) {
            throw new ApiException.Conflict("Study " + id + " has one objective; a Pareto front needs two. "
                    + "Ask for its best trial instead.");
        }
        StudyRanking ranking = ranking(spec, id);
        return new Pareto(id, spec.objectives(),
                ranking.paretoFront().stream().map(c -> candidate(ranking, c)).toList());
    }

    private StudyEntity find(long id) {
        return studies.findById(id).orElseThrow(() -> new ApiException.NotFound("Study " + id + " does not exist."));
    }

    /** A study past its maximum duration is shown as ended even when no worker has asked since. */
    private StudyEntity refresh(StudyEntity study) {
        if (!study.getState().finished() && lifecycle.endIfOverdue(study)) {
            return find(study.getId());
        }
        return study;
    }

    private StudyView view(StudyEntity study, boolean withSpec) {
        StudyCatalog.ParsedStudy parsed = catalog.of(study);
        return new StudyView(study.getId(), study.getName(), study.getState(), study.getCreatedAt(),
                study.getFinishedAt(), study.getTrialsCreated(), StudyRules.trialCapacity(parsed.spec()),
                trials.counts(study.getId()), best(parsed.spec(), study.getId()), parsed.spec().fidelity(),
                withSpec ? parsed.specJson() : null);
    }

    private StudyRanking ranking(StudySpec spec, long id) {
        return StudyRanking.of(spec, trials.trials(id).stream().map(t -> t.inCanonicalTypes(spec.searchSpace()))
                .toList());
    }

    /** The best configuration for the study's first objective, or null while none completed with it. */
    private Candidate best(StudySpec spec, long id) {
        StudyRanking ranking = ranking(spec, id);
        return ranking.best().map(c -> candidate(ranking, c)).orElse(null);
    }

    /** A ranked configuration as the API shows it: metrics by name, the trials that completed it by id. */
    private static Candidate candidate(StudyRanking ranking, EvaluatedConfiguration c) {
        Map<String, Double> means = new TreeMap<>();
        Map<String, Double> spread = new TreeMap<>();
        c.metrics().forEach((name, summary) -> {
            means.put(name, summary.mean());
            spread.put(name, summary.standardDeviation());
        });
        Trial first = c.trials().get(0);
        return new Candidate(first.configKey(), first.parameters().values(),
                c.completedTrials().stream().map(Trial::id).toList(), means, spread, ranking.feasible(c),
                ranking.violation(c));
    }
}
