package dev.hpo.api.trial;

import dev.hpo.trial.TrialState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A trial row. It is written once when created; after that, state changes are compare-and-set updates in
 * {@link TrialRepository}, so two workers, or a worker and the heartbeat reaper, can never both win a transition.
 */
@Entity
@Table(name = "trials")
public class TrialEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "study_id", nullable = false)
    private long studyId;

    @Column(nullable = false)
    private long number;

    @Column(name = "config_key", nullable = false)
    private long configKey;

    @Column(name = "repeat_index", nullable = false)
    private int repeatIndex;

    @Column(name = "parameters_json", nullable = false)
    private String parametersJson;

    @Column(nullable = false)
    private boolean enqueued;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TrialState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason")
    private TrialState stopReason;

    @Column(name = "worker_id")
    private String workerId;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "metrics_json")
    private String metricsJson;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Version
    @Column(nullable = false)
    private long version;

    protected TrialEntity() {
    }

    public TrialEntity(long studyId, long number, long configKey, int repeatIndex, String parametersJson,
                       boolean enqueued, Instant createdAt) {
        this.studyId = studyId;
        this.number = number;
        this.configKey = configKey;
        this.repeatIndex = repeatIndex;
        this.parametersJson = parametersJson;
        this.enqueued = enqueued;
        this.state = TrialState.WAITING;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getStudyId() {
        return studyId;
    }

    public long getNumber() {
        return number;
    }

    public long getConfigKey() {
        return configKey;
    }

    public int getRepeatIndex() {
        return repeatIndex;
    }

    public String getParametersJson() {
        return parametersJson;
    }

    public boolean isEnqueued() {
        return enqueued;
    }

    public TrialState getState() {
        return state;
    }

    /** PRUNED or STOPPED once the worker has been told to stop; the state the trial ends in. */
    public TrialState getStopReason() {
        return stopReason;
    }

    public String getWorkerId() {
        return workerId;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getMetricsJson() {
        return metricsJson;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public long getVersion() {
        return version;
    }
}
