package dev.hpo.api.study;

import dev.hpo.study.StudyState;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StudyRepository extends JpaRepository<StudyEntity, Long> {

    /** The study with its row locked until the transaction ends (SELECT ... FOR UPDATE on both databases). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from StudyEntity s where s.id = :id")
    Optional<StudyEntity> lockById(long id);

    List<StudyEntity> findAllByOrderByIdAsc();

    List<StudyEntity> findByState(StudyState state);

    boolean existsByName(String name);
}
