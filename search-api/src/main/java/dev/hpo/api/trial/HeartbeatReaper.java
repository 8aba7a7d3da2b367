package dev.hpo.api.trial;

import dev.hpo.api.study.StudyCatalog;
import dev.hpo.api.study.StudyEntity;
import dev.hpo.api.study.StudyLifecycle;
import dev.hpo.api.study.StudyRepository;
import dev.hpo.study.StudyState;
import dev.hpo.study.TrialSettings;
import dev.hpo.trial.TrialState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import dev.hpo.trial.Trial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes trials back from workers that fell silent longer than their study's heartbeat timeout: requeued for
 * another worker while retries remain, else FAILED with reason {@code lost worker}. Measurements the worker
 * reported stay stored. Also ends studies whose maximum duration has passed while nobody asked for work.
 */
@Component
public class HeartbeatReaper {

    public static final String LOST_WORKER = "lost worker";

    private static final Logger log = LoggerFactory.getLogger(HeartbeatReaper.class);

    private final StudyRepository studies;
    private final TrialStore store;
    private final StudyCatalog catalog;
    private final StudyLifecycle lifecycle;
    private final WaitingTrials waiting;
    private final Clock clock;

    HeartbeatReaper(StudyRepository studies, TrialStore store, StudyCatalog catalog, StudyLifecycle lifecycle,
                    WaitingTrials waiting, Clock clock) {
        this.studies = studies;
        this.store = store;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.waiting = waiting;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hpo.api.reaper-interval:5s}", initialDelayString = "${hpo.api.reaper-interval:5s}")
    public void sweep() {
        for (StudyEntity study : studies.findByState(StudyState.RUNNING)) {
            lifecycle.endIfOverdue(study);
        }
        for (Long studyId : store.studiesWithRunningTrials()) {
            reap(studyId);
        }
    }

    /** Handles the silent trials of one study; returns how many it took back. */
    public int reap(long studyId) {
        StudyEntity study = studies.findById(studyId).orElseThrow();
        TrialSettings settings = catalog.spec(study).trialSettings();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(settings.heartbeatTimeout());
        int taken = 0;
        for (Trial silent : store.silent(studyId, cutoff)) {
            // Read again with its measurements, which a trial ending early keeps as its result.
            Trial trial = store.find(silent.id()).orElseThrow();
            if (trial.state() != TrialState.RUNNING || !trial.heartbeatAt().isBefore(cutoff)) {
                continue;
            }
            Trial after;
            // A confirmation run belongs to a study that has ended; only a stop request ends it.
            if ((study.getState().finished() && !trial.confirmation()) || trial.stopRequested() != null) {
                // The worker was told to stop and never confirmed: the trial ends as it was going to.
                TrialState end = trial.stopRequested() != null ? trial.stopRequested() : TrialState.STOPPED;
                after = trial.finish(end, Map.of(), LOST_WORKER, now);
            } else if (trial.attempts() <= settings.maxRetries()) {
                after = trial.requeue();
            } else {
                after = trial.finish(TrialState.FAILED, Map.of(), LOST_WORKER, now);
            }
            if (store.update(trial, after)) {
                taken++;
                log.info("Trial {} of study {} lost its worker {} (attempt {})", trial.id(), studyId,
                        trial.workerId(), trial.attempts());
            }
        }
        if (taken > 0) {
            waiting.forget(studyId);
            lifecycle.completeIfDone(studyId);
        }
        return taken;
    }
}
