package dev.hpo.api.trial;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An intermediate result a worker reported; kept through requeues, tagged with the attempt that produced it. */
@Entity
@Table(name = "measurements")
public class MeasurementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "trial_id", nullable = false)
    private long trialId;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false)
    private long step;

    @Column(name = "elapsed_seconds", nullable = false)
    private double elapsedSeconds;

    @Column(name = "metrics_json", nullable = false)
    private String metricsJson;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    protected MeasurementEntity() {
    }

    public MeasurementEntity(long trialId, int attempt, long step, double elapsedSeconds, String metricsJson,
                             Instant reportedAt) {
        this.trialId = trialId;
        this.attempt = attempt;
        this.step = step;
        this.elapsedSeconds = elapsedSeconds;
        this.metricsJson = metricsJson;
        this.reportedAt = reportedAt;
    }

    public long getTrialId() {
        return trialId;
    }

    public int getAttempt() {
        return attempt;
    }

    public long getStep() {
        return step;
    }

    public double getElapsedSeconds() {
        return elapsedSeconds;
    }

    public String getMetricsJson() {
        return metricsJson;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }
}
