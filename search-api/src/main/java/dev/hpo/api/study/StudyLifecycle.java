package dev.hpo.api.study;

import dev.hpo.study.StudySpec;
import dev.hpo.study.StudyState;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves studies from RUNNING to COMPLETED (budget spent, duration over, search space exhausted) or STOPPED (a
 * user's stop). Ending a study stops its waiting trials at once and tells its running trials' workers to stop at
 * their next heartbeat or measurement. A completion is published as {@link StudyCompleted}. Stopping a study
 * that has ended stops the confirmation runs it still has.
 */
@Service
public class StudyLifecycle {

    private final StudyRepository studies;
    private final StudyStatuses statuses;
    private final StudyTrials trials;
    private final StudyCatalog catalog;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudyLifecycle(StudyRepository studies, StudyStatuses statuses, StudyTrials trials, StudyCatalog catalog,
                   TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock) {
        this.studies = studies;
        this.statuses = statuses;
        this.trials = trials;
        this.catalog = catalog;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** As {@link #endIfOverdue(StudyStatus)}, for a study loaded whole. */
    public boolean endIfOverdue(StudyEntity study) {
        return endIfOverdue(StudyStatus.of(study));
    }

    /** Ends a running study whose maximum duration has passed; returns whether it is (now) finished. */
    public boolean endIfOverdue(StudyStatus study) {
        if (study.state().finished()) {
            return true;
        }
        StudySpec spec = catalog.spec(study);
        boolean overdue = spec.budget().maxDuration()
                .map(d -> !clock.instant().isBefore(study.createdAt().plus(d)))
                .orElse(false);
        if (overdue) {
            end(study.id(), StudyState.COMPLETED);
        }
        return overdue;
    }

    /** Ends the study unless it already ended; returns the study as it is afterwards. */
    public StudyEntity end(long studyId, StudyState end) {
        boolean[] ended = {false};
        StudyEntity result = transaction.execute(status -> {
            StudyEntity study = studies.lockById(studyId).orElseThrow();
            Instant now = clock.instant();
            if (!study.getState().finished()) {
                study.finish(end, now);
                trials.endStudy(studyId, now);
                ended[0] = true;
            } else if (end == StudyState.STOPPED) {
                // Only confirmation runs are active in an ended study.
                trials.endStudy(studyId, now);
            }
            return study;
        });
        if (ended[0] && end == StudyState.COMPLETED) {
            events.publishEvent(new StudyCompleted(studyId));
        }
        return result;
    }

    /**
     * Completes the study when nothing is waiting or running and no more trials may be created: its budget is
     * spent or its search algorithm has nothing left to propose.
     */
    public void completeIfDone(long studyId) {
        StudyStatus study = statuses.find(studyId).orElseThrow();
        if (study.state().finished() || !nothingLeft(study) || trials.anyActive(studyId)) {
            return;
        }
        Boolean completed = transaction.execute(status -> {
            StudyEntity locked = studies.lockById(studyId).orElseThrow();
            // Trials are only created under this lock, so the re-check cannot race with a new trial.
            if (!locked.getState().finished() && nothingLeft(StudyStatus.of(locked))
                    && !trials.anyActive(studyId)) {
                locked.finish(StudyState.COMPLETED, clock.instant());
                return true;
            }
            return false;
        });
        if (Boolean.TRUE.equals(completed)) {
            events.publishEvent(new StudyCompleted(studyId));
        }
    }

    private boolean nothingLeft(StudyStatus study) {
        return study.exhausted() || StudyRules.remainingGroups(catalog.spec(study), study.trialsCreated()) == 0;
    }
}
