package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyLifecycle;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.api.study.StudyRules;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.TrialState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Hands trials to workers. A claim is a compare-and-set in the database (WAITING to RUNNING only if still
 * WAITING), so a trial goes to exactly one worker however many ask at once and however many service instances
 * share the database.
 */
@Service
class WorkerProtocol {

    /** Rounds of claim-then-create before answering with what was found; each round makes progress or stops. */
    private static final int ROUNDS = 4;

    /** Windows of waiting trials read per claim before giving up; each lost window means others progressed. */
    private static final int CLAIM_WINDOWS = 16;

    /** Candidates read beyond those wanted, so concurrent workers that lose a race have others to try. */
    private static final int WINDOW_SLACK = 32;

    private final StudyRepository studies;
    private final TrialRepository trials;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final TrialGenerator generator;
    private final TrialMapper mapper;
    private final Clock clock;

    WorkerProtocol(StudyRepository studies, TrialRepository trials, StudyCatalog catalog, StudyLifecycle lifecycle,
                   TrialGenerator generator, TrialMapper mapper, Clock clock) {
        this.studies = studies;
        this.trials = trials;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.generator = generator;
        this.mapper = mapper;
        this.clock = clock;
    }

    TrialViews.Suggestions suggest(long studyId, String workerId, int count) {
        StudyEntity study = studies.findById(studyId)
                .orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " does not exist."));
        if (lifecycle.endIfOverdue(study)) {
            return new TrialViews.Suggestions(List.of(), true);
        }
        StudyCatalog.ParsedStudy parsed = catalog.of(study);
        // A retried request must not hand out a second trial: the worker first gets back what it holds.
        List<TrialEntity> held = new ArrayList<>(
                trials.findByStudyIdAndWorkerIdAndStateOrderByNumberAsc(studyId, workerId, TrialState.RUNNING));
        for (int round = 0; round < ROUNDS && held.size() < count; round++) {
            int claimed = claim(studyId, workerId, count - held.size(), parsed.spec(), held);
            if (held.size() < count && generator.sample(studyId, count - held.size()) == 0 && claimed == 0) {
                break;
            }
        }
        boolean done = false;
        if (held.isEmpty()) {
            lifecycle.completeIfDone(studyId);
            done = studies.findById(studyId).orElseThrow().getState().finished();
        }
        return new TrialViews.Suggestions(held.stream().map(t -> mapper.suggestion(t, parsed)).toList(), done);
    }

    /** Claims up to {@code wanted} waiting trials into {@code into}; returns how many it claimed. */
    private int claim(long studyId, String workerId, int wanted, StudySpec spec, List<TrialEntity> into) {
        long room = wanted;
        if (spec.budget().parallelism() < StudyRules.trialCapacity(spec)) {
            room = Math.min(wanted, spec.budget().parallelism() - trials.countByStudyIdAndState(studyId,
                    TrialState.RUNNING));
        }
        if (room <= 0) {
            return 0;
        }
        // Trials are tried in run order (enqueued first). Concurrent workers all aim at the first one; a worker
        // that loses a race shuffles the rest of its window, so the lost races stay few. A window lost entirely
        // means others claimed it; the next window is read rather than answering "nothing to run".
        int claimed = 0;
        for (int window = 0; window < CLAIM_WINDOWS && claimed < room; window++) {
            List<Long> candidates = new ArrayList<>(trials.findWaitingIds(studyId,
                    PageRequest.of(0, (int) (room - claimed) + WINDOW_SLACK)));
            if (candidates.isEmpty()) {
                break;
            }
            for (int i = 0; i < candidates.size() && claimed < room; i++) {
                Long id = candidates.get(i);
                if (trials.claim(id, workerId, clock.instant()) == 1) {
                    into.add(trials.findById(id).orElseThrow());
                    claimed++;
                } else {
                    Collections.shuffle(candidates.subList(i + 1, candidates.size()), ThreadLocalRandom.current());
                }
            }
        }
        return claimed;
    }
}
