package dev.hpo.api.trial;

import dev.hpo.api.error.ApiException;
import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyLifecycle;
import dev.hpo.api.study.StudyRules;
import dev.hpo.api.study.StudyStatus;
import dev.hpo.api.study.StudyStatuses;
import dev.hpo.protocol.Suggest;
import dev.hpo.protocol.Suggestions;
import dev.hpo.study.StudySpec;
import dev.hpo.trial.Trial;
import dev.hpo.trial.TrialState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Hands trials to workers. A claim is a compare-and-set in the database (WAITING to RUNNING only if the row is
 * unchanged), so a trial goes to exactly one worker however many ask at once and however many service instances
 * share the database; {@link WaitingTrials} spreads this service's concurrent requests over different trials so
 * that they rarely collide. A study whose search has ended hands out only its confirmation runs, the one kind of trial
 * that waits after a search.
 */
@Service
class WorkerProtocol {

    /** Rounds of claim-then-create before answering with what was found; each round makes progress or stops. */
    private static final int ROUNDS = 4;

    /** Claims tried per round; each lost one means another service took a trial, so others progressed. */
    private static final int CLAIM_ATTEMPTS = 2 * WaitingTrials.BATCH;

    private final StudyStatuses statuses;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final TrialGenerator generator;
    private final TrialStore store;
    private final WaitingTrials waiting;
    private final TrialMapper mapper;
    private final Clock clock;

    WorkerProtocol(StudyStatuses statuses, StudyCatalog catalog, StudyLifecycle lifecycle, TrialGenerator generator,
                   TrialStore store, WaitingTrials waiting, TrialMapper mapper, Clock clock) {
        this.statuses = statuses;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.generator = generator;
        this.store = store;
        this.waiting = waiting;
        this.mapper = mapper;
        this.clock = clock;
    }

    Suggestions suggest(long studyId, Suggest request) {
        String workerId = request.workerId();
        int count = request.countOrOne();
        StudyStatus study = statuses.find(studyId)
                .orElseThrow(() -> new ApiException.NotFound("Study " + studyId + " does not exist."));
        boolean searching = !lifecycle.endIfOverdue(study);
        StudyCatalog.ParsedStudy parsed = catalog.of(study);
        // A retried request must not hand out a second trial: the worker first gets back what it holds.
        List<Trial> held = new ArrayList<>(store.held(studyId, workerId));
        for (int round = 0; round < ROUNDS && held.size() < count; round++) {
            int claimed = claim(studyId, request, count - held.size(), parsed.spec(), held);
            boolean sampled = searching && held.size() < count && generator.sample(studyId, count - held.size()) > 0;
            if (held.size() < count && !sampled && claimed == 0) {
                break;
            }
        }
        boolean done = false;
        if (held.isEmpty()) {
            if (searching) {
                lifecycle.completeIfDone(studyId);
            }
            // Completing may have started the study's confirmation runs: done only when none waits.
            done = statuses.find(studyId).orElseThrow().state().finished()
                    && store.count(studyId, Optional.of(TrialState.WAITING)) == 0;
        }
        return new Suggestions(held.stream().map(t -> mapper.suggestion(t, parsed)).toList(), done);
    }

    /** Claims up to {@code wanted} waiting trials into {@code into}; returns how many it claimed. */
    private int claim(long studyId, Suggest request, int wanted, StudySpec spec, List<Trial> into) {
        long room = wanted;
        if (spec.budget().parallelism() < StudyRules.trialCapacity(spec)) {
            room = Math.min(wanted, spec.budget().parallelism() - store.running(studyId));
        }
        int claimed = 0;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS && claimed < room; attempt++) {
            Optional<Trial> next = waiting.next(studyId);
            if (next.isEmpty()) {
                break;
            }
            try {
                // Compared with the trial as read: if anything changed it since, another service took it first.
                Trial running = next.get().claim(request.workerId(), request.engine(), clock.instant());
                if (store.update(next.get(), running)) {
                    into.add(running);
                    claimed++;
                }
            } finally {
                waiting.settle(studyId, next.get().id());
            }
        }
        return claimed;
    }
}
