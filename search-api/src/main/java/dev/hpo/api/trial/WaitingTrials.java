package dev.hpo.api.trial;

import dev.hpo.trial.Trial;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Each study's waiting trials in run order, read from the database a batch at a time and handed to this service's
 * concurrent requests one each. Without it every worker aims at the first waiting trial and all but one lose
 * their claim; with it a claim is one compare-and-set that wins unless another service sharing the database took
 * the trial first, in which case the next one is tried. The database stays the only judge of who holds a trial.
 *
 * <p>Whatever changes a study's waiting trials in this service (new or enqueued trials, a requeue, a release, the
 * study's end) calls {@link #forget}, so the next request reads them afresh in run order. Trials another service
 * enqueues are seen once the batch read before them is used up.
 */
@Component
class WaitingTrials {

    /** Trials read per batch: enough to feed many concurrent workers, few enough to read in a millisecond. */
    static final int BATCH = 128;

    private final TrialStore store;
    private final Map<Long, StudyQueue> queues = new ConcurrentHashMap<>();

    WaitingTrials(TrialStore store) {
        this.store = store;
    }

    /**
     * The next waiting trial of the study that no other request of this service is claiming, if any. The caller
     * must {@link #settle} it once its claim succeeded or failed.
     */
    Optional<Trial> next(long studyId) {
        return queues.computeIfAbsent(studyId, StudyQueue::new).next();
    }

    /** The claim of a trial {@link #next} gave out is decided; a later batch may offer it again if it still waits. */
    void settle(long studyId, long trialId) {
        StudyQueue queue = queues.get(studyId);
        if (queue != null) {
            queue.settle(trialId);
        }
    }

    /** Drops what was read of the study's waiting trials: they changed, so the next request reads them again. */
    void forget(long studyId) {
        StudyQueue queue = queues.get(studyId);
        if (queue != null) {
            queue.clear();
        }
    }

    private final class StudyQueue {
        private final long studyId;
        private final ArrayDeque<Trial> ready = new ArrayDeque<>();
        /** Given out and not settled: a batch read meanwhile still sees them waiting and must skip them. */
        private final Set<Long> claiming = new HashSet<>();

        StudyQueue(long studyId) {
            this.studyId = studyId;
        }

        // One request reads the next batch while the others wait for it: they would all read the same trials.
        synchronized Optional<Trial> next() {
            if (ready.isEmpty()) {
                for (Trial trial : store.waiting(studyId, BATCH + claiming.size())) {
                    if (!claiming.contains(trial.id())) {
                        ready.add(trial);
                    }
                }
            }
            Trial trial = ready.poll();
            if (trial != null) {
                claiming.add(trial.id());
            }
            return Optional.ofNullable(trial);
        }

        synchronized void settle(long trialId) {
            claiming.remove(trialId);
        }

        synchronized void clear() {
            ready.clear();
        }
    }
}
