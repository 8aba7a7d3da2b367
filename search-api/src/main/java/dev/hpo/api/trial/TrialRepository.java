package dev.hpo.api.trial;

import dev.hpo.trial.TrialState;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trials, and every transition of a trial as a compare-and-set: each update names the state it expects and
 * reports how many rows it changed, so exactly one of several concurrent callers wins. The claim and the
 * completion, run for every trial, are in {@link TrialClaims} and {@link TrialRows}.
 */
public interface TrialRepository extends JpaRepository<TrialEntity, Long> {

    List<TrialEntity> findByStudyIdOrderByNumberAsc(long studyId);

    Page<TrialEntity> findByStudyId(long studyId, Pageable pageable);

    Page<TrialEntity> findByStudyIdAndState(long studyId, TrialState state, Pageable pageable);

    List<TrialEntity> findByStudyIdAndStateAndHeartbeatAtBefore(long studyId, TrialState state, Instant cutoff);

    @Query("select t.state, count(t) from TrialEntity t where t.studyId = :studyId group by t.state")
    List<Object[]> countByState(long studyId);

    @Query("select distinct t.studyId from TrialEntity t where t.state = :state")
    List<Long> findStudyIdsWithState(TrialState state);

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

    /** A RUNNING trial whose worker fell silent goes back to WAITING for another worker. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = dev.hpo.trial.TrialState.WAITING, t.workerId = null,"
            + " t.heartbeatAt = null, t.stopReason = null, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING and t.heartbeatAt < :cutoff")
    int requeueSilent(long id, Instant cutoff);

    /** A RUNNING trial handed back by its worker goes back to WAITING, unless the worker was told to stop it. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = dev.hpo.trial.TrialState.WAITING, t.workerId = null,"
            + " t.heartbeatAt = null, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING and t.workerId = :workerId"
            + " and t.stopReason is null")
    int release(long id, String workerId);

    /** A RUNNING trial handed back after its worker was told to stop ends as it was going to. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update TrialEntity t set t.state = t.stopReason, t.finishedAt = :now, t.version = t.version + 1"
            + " where t.id = :id and t.state = dev.hpo.trial.TrialState.RUNNING and t.workerId = :workerId"
            + " and t.stopReason is not null")
    int releaseStopped(long id, String workerId, Instant now);

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
