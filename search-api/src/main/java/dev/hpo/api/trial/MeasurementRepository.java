package dev.hpo.api.trial;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MeasurementRepository extends JpaRepository<MeasurementEntity, Long> {

    List<MeasurementEntity> findByTrialIdOrderByAttemptAscStepAscIdAsc(long trialId);

    boolean existsByTrialIdAndAttemptAndStep(long trialId, int attempt, long step);

    @Query("select m from MeasurementEntity m where m.trialId in"
            + " (select t.id from TrialEntity t where t.studyId = :studyId) order by m.trialId, m.attempt, m.step, m.id")
    List<MeasurementEntity> findByStudy(long studyId);
}
