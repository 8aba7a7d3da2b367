package dev.hpo.api.study;

import dev.hpo.api.error.ApiException;
import dev.hpo.protocol.Best;
import dev.hpo.protocol.Candidate;
import dev.hpo.protocol.Pareto;
import dev.hpo.protocol.StudyView;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.StudyState;
import dev.hpo.trial.TrialState;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/** Creating, reading, ranking and stopping studies. */
@Service
class StudyService {

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

    StudyView get(long id) {
        return view(refresh(find(id)), true);
    }

    StudyView stop(long id) {
        find(id);
        return view(lifecycle.end(id, StudyState.STOPPED), true);
    }

    Best best(long id) {
        StudyEntity study = find(id);
        StudySpec spec = catalog.spec(study);
        List<Candidate> candidates = Ranking.candidates(spec, outcomes(id));
        return new Best(id, spec.objectives().get(0), Ranking.best(spec, candidates).orElse(null));
    }

    Pareto pareto(long id) {
        StudyEntity study = find(id);
        StudySpec spec = catalog.spec(study);
        if (spec.objectives().size() != 2) {
            throw new ApiException.Conflict("Study " + id + " has one objective; a Pareto front needs two. "
                    + "Ask for its best trial instead.");
        }
        return new Pareto(id, spec.objectives(),
                Ranking.paretoFront(spec, Ranking.candidates(spec, outcomes(id))));
    }

    /** Every completed trial's outcome, for ranking. */
    private List<Ranking.Outcome> outcomes(long studyId) {
        return trials.trials(studyId).stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .map(t -> new Ranking.Outcome(t.id(), t.configKey(), t.parameters().values(), t.state(), t.metrics(),
                        t.enqueued()))
                .toList();
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
        List<Candidate> candidates = Ranking.candidates(parsed.spec(), outcomes(study.getId()));
        return new StudyView(study.getId(), study.getName(), study.getState(), study.getCreatedAt(),
                study.getFinishedAt(), study.getTrialsCreated(), StudyRules.trialCapacity(parsed.spec()),
                trials.counts(study.getId()), Ranking.best(parsed.spec(), candidates).orElse(null),
                withSpec ? parsed.specJson() : null);
    }
}
