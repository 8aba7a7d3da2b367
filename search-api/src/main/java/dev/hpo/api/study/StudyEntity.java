package dev.hpo.api.study;

import dev.hpo.study.StudyState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A study row. Every change to it happens while its row is locked ({@link StudyRepository#lockById}), which also
 * serialises the creation of its trials.
 */
@Entity
@Table(name = "studies")
public class StudyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "spec_json", nullable = false)
    private String specJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StudyState state;

    @Column(name = "trials_created", nullable = false)
    private long trialsCreated;

    @Column(nullable = false)
    private boolean exhausted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected StudyEntity() {
    }

    public StudyEntity(String name, String specJson, Instant createdAt) {
        this.name = name;
        this.specJson = specJson;
        this.state = StudyState.RUNNING;
        this.createdAt = createdAt;
    }

    /**
     * A study brought from another API's archive: finished as it was there, with the trials it had, so it hands out
     * none.
     *
     * @throws IllegalArgumentException when {@code state} is not a finished one
     */
    public static StudyEntity imported(String name, String specJson, StudyState state, boolean exhausted,
                                       long trialsCreated, Instant createdAt, Instant finishedAt) {
        if (!state.finished()) {
            throw new IllegalArgumentException("an imported study is finished, not " + state);
        }
        StudyEntity study = new StudyEntity(name, specJson, createdAt);
        study.state = state;
        study.exhausted = exhausted;
        study.trialsCreated = trialsCreated;
        study.finishedAt = finishedAt;
        return study;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSpecJson() {
        return specJson;
    }

    public StudyState getState() {
        return state;
    }

    public long getTrialsCreated() {
        return trialsCreated;
    }

    public boolean isExhausted() {
        return exhausted;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    /** Reserves the next {@code count} trial numbers and returns the first. */
    public long reserveTrialNumbers(int count) {
        long first = trialsCreated;
        trialsCreated += count;
        return first;
    }

    public void markExhausted() {
        exhausted = true;
    }

    /** Ends the study; a finished study stays as it ended. */
    public void finish(StudyState end, Instant at) {
        if (state.finished() || !end.finished()) {
            return;
        }
        state = end;
        finishedAt = at;
    }
}
