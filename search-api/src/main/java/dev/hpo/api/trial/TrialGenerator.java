package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.api.study.StudyRules;
import dev.hpo.optimizer.SearchAlgorithms;
import dev.hpo.optimizer.StudyHistory;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates trials: from the study's search algorithm when workers need work, or from a configuration a user enqueues.
 * Both happen while the study's row is locked, so concurrent requests can never create more trials than the
 * budget holds, and the search always sees every trial created before it.
 */
@Component
public class TrialGenerator {

    private final StudyRepository studies;
    private final TrialStore store;
    private final StudyCatalog catalog;
    private final HistoryLoader history;
    private final WaitingTrials waiting;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TrialGenerator(StudyRepository studies, TrialStore store, StudyCatalog catalog, HistoryLoader history,
                   WaitingTrials waiting, TransactionTemplate transaction, Clock clock) {
        this.studies = studies;
        this.store = store;
        this.catalog = catalog;
        this.history = history;
        this.waiting = waiting;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Asks the search algorithm for enough configurations to give {@code wanted} trials, within the budget and the
     * study's parallelism; returns how many trials were created (0 when none may be).
     */
    int sample(long studyId, int wanted) {
        Integer created = transaction.execute(status -> {
            StudyEntity study = studies.lockById(studyId).orElseThrow();
            if (study.getState().finished() || study.isExhausted()) {
                return 0;
            }
            StudySpec spec = catalog.spec(study);
            int repeats = spec.trialSettings().repeats();
            long slots = spec.budget().parallelism() - store.activeCount(studyId);
            long groups = Math.min(StudyRules.remainingGroups(spec, study.getTrialsCreated()),
                    Math.min(ceilDiv(wanted, repeats), ceilDiv(slots, repeats)));
            if (groups <= 0) {
                return 0;
            }
            StudyHistory known = history.load(studyId, spec);
            List<Configuration> proposals = SearchAlgorithms.of(spec.algorithm().name())
                    .propose(known.problem(), known.trials(), (int) groups);
            if (proposals.isEmpty()) {
                study.markExhausted();
                return 0;
            }
            List<Trial> trials = new ArrayList<>();
            for (Configuration proposal : proposals.subList(0, (int) Math.min(groups, proposals.size()))) {
                trials.addAll(group(study, spec.searchSpace().canonical(proposal), repeats, false));
            }
            return store.create(trials).size();
        });
        if (created == null || created == 0) {
            return 0;
        }
        // Once committed, so the next read of waiting trials sees them.
        waiting.forget(studyId);
        return created;
    }

    /**
     * Creates the repeats of a configuration a user asked for; they run before sampled trials.
     *
     * @throws ApiException.Conflict when the study has ended or its budget has no room left
     */
    List<Trial> enqueue(long studyId, Configuration configuration) {
        List<Trial> created = transaction.execute(status -> {
            StudyEntity study = studies.lockById(studyId).orElseThrow();
            if (study.getState().finished()) {
                throw new ApiException.Conflict("Study " + studyId + " is " + study.getState()
                        + "; it takes no more trials.");
            }
            StudySpec spec = catalog.spec(study);
            if (StudyRules.remainingGroups(spec, study.getTrialsCreated()) == 0) {
                throw new ApiException.Conflict("Study " + studyId + " has created all "
                        + StudyRules.trialCapacity(spec) + " trials its budget allows.");
            }
            return store.create(group(study, configuration, spec.trialSettings().repeats(), true));
        });
        // They run before the sampled trials already read.
        waiting.forget(studyId);
        return created;
    }

    /**
     * Creates {@code runs} confirmation runs of each configuration, numbered after the runs it already has, so that
     * asking again adds runs on subsets not drawn before.
     *
     * @param confirmed a trial of each configuration to confirm, its parameters as stored
     * @throws ApiException.Conflict while the study is still searching
     */
    public List<Trial> confirm(long studyId, List<Trial> confirmed, int runs) {
        List<Trial> created = transaction.execute(status -> {
            StudyEntity study = studies.lockById(studyId).orElseThrow();
            if (!study.getState().finished()) {
                throw stillSearching(studyId);
            }
            Map<Long, Integer> existing = new HashMap<>();
            for (Trial t : store.ofStudy(studyId, false)) {
                if (t.confirmation()) {
                    existing.merge(t.configKey(), t.repeat() + 1, Math::max);
                }
            }
            long number = study.reserveTrialNumbers(confirmed.size() * runs);
            List<Trial> trials = new ArrayList<>();
            for (Trial c : confirmed) {
                int from = existing.getOrDefault(c.configKey(), 0);
                for (int r = 0; r < runs; r++) {
                    trials.add(Trial.confirmationWaiting(studyId, number++, c.configKey(), from + r, c.parameters(),
                            clock.instant()));
                }
            }
            return store.create(trials);
        });
        waiting.forget(studyId);
        return created;
    }

    /** Why a study that is still searching takes no confirmation runs. */
    public static ApiException.Conflict stillSearching(long studyId) {
        return new ApiException.Conflict("Study " + studyId + " is still searching; confirm its result once it has "
                + "ended, or ask for it in the spec's \"confirm\" to have it run then.");
    }

    private List<Trial> group(StudyEntity study, Configuration configuration, int repeats, boolean enqueued) {
        long first = study.reserveTrialNumbers(repeats);
        List<Trial> trials = new ArrayList<>(repeats);
        for (int r = 0; r < repeats; r++) {
            trials.add(Trial.waiting(study.getId(), first + r, first, r, enqueued, configuration, clock.instant()));
        }
        return trials;
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }
}
