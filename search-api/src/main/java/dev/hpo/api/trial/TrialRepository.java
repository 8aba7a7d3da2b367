package dev.hpo.api.trial;

import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trials, and every transition of a trial as a compare-and-set: each update names the state it expects and
 * reports how many rows it changed, so exactly one of several concurrent callers wins.
 */
public interface TrialRepository extends JpaRepository<TrialEntity, Long> {

    List<TrialEntity> findByStudyIdOrderByNumberAsc(long studyId);

    Page<TrialEntity> findByStudyId(long studyId, Pageable pageable);

    Page<TrialEntity> findByStudyIdAndState(long studyId, TrialState state, Pageable pageable);

    List<TrialEntity> findByStudyIdAndWorkerIdAndStateOrderByNumberAsc(long studyId, String workerId,
                                                                      TrialState state);

    List<TrialEntity> findByStudyIdAndStateAndHeartbeatAtBefore(long studyId, TrialState state, Instant cutoff);

    /** Waiting trials in run order: enqueued configurations first, then by number; an index range, no sort. */
    @Query("select t.id from TrialEntity t where t.studyId = :studyId"
            + " and t.state = dev.hpo.trial.TrialState.WAITING order by t.enqueued desc, t.number asc")
    List<Long> findWaitingIds(long studyId, Pageable limit);

    @Query("select t.state, count(t) from TrialEntity t where t.studyId = :studyId group by t.state")
    List<Object[]> countByState(long studyId);

    long countByStudyIdAndStateIn(long studyId, Collection<TrialState> states);

    long countByStudyIdAndState(long studyId, TrialState state);

    @Query("select distinct t.studyId from TrialEntity t where t.state = :state")
    List<Long> findStudyIdsWithState(TrialState state);

    /** WAITING to RUNNING for one worker: the claim. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = dev.hpo.trial.TrialState.RUNNING, t.workerId = :workerId,"
            + " t.startedAt = :now, t.heartbeatAt = :now, t.attempts = t.attempts + 1, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.WAITING")
    int claim(long id, String workerId, Instant now);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.heartbeatAt = :now"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING")
    int heartbeat(long id, Instant now);

    /** Records that the worker has been told to stop, and the state the trial will end in. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.stopReason = :reason, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING and t.stopReason is null")
    int requestStop(long id, TrialState reason);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.stopReason = dev.hpo.trial.TrialState.STOPPED, t.version = t.version + 1"
            + " where t.studyId = :studyId and t.state = dev.hpo.trial.TrialState.RUNNING and t.stopReason is null")
    int requestStopOfRunning(long studyId);

    /** RUNNING to a finished state, with the worker's results. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = :end, t.metricsJson = :metricsJson, t.failureReason = :reason,"
            + " t.finishedAt = :now, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING")
    int finish(long id, TrialState end, String metricsJson, String reason, Instant now);

    /** A RUNNING trial whose worker fell silent goes back to WAITING for another worker. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = dev.hpo.trial.TrialState.WAITING, t.workerId = null,"
            + " t.heartbeatAt = null, t.stopReason = null, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING and t.heartbeatAt < :cutoff")
    int requeueSilent(long id, Instant cutoff);

    /** A RUNNING trial whose worker fell silent ends, e.g. FAILED with reason {@code lost worker}. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = :end, t.failureReason = :reason, t.finishedAt = :now,"
            + " t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING and t.heartbeatAt < :cutoff")
    int finishSilent(long id, Instant cutoff, TrialState end, String reason, Instant now);

    /** Waiting trials of an ended study will never run. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = dev.hpo.trial.TrialState.STOPPED, t.finishedAt = :now,"
            + " t.version = t.version + 1"
            + " where t.studyId = :studyId and t.state = dev.hpo.trial.TrialState.WAITING")
    int stopWaiting(long studyId, Instant now);
}
