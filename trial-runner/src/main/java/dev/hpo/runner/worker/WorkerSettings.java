package dev.hpo.runner.worker;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a worker behaves.
 *
 * @param workerId the name the API knows this worker by; a restarted worker with the same id gets its trial back
 * @param study the only study to work for, or empty to serve every running study
 * @param capGrace how long past its time cap a trial may run before it is killed
 * @param setupLimit how long a trial process may take to start training (JVM, native libraries, data)
 * @param idlePoll how long to wait before asking again when no study has work
 * @param shutdownGrace how long a stopping worker tries to hand its trial back and flush its reports
 * @param maxArtifactBytes the largest file of a trial the worker uploads; a larger one is left out, and said so
 */
record WorkerSettings(String workerId, Optional<Long> study, Duration capGrace, Duration setupLimit,
                      Duration idlePoll, Duration shutdownGrace, long maxArtifactBytes) {

    /** A full-width ResNet-18 with its card is about 45 MB; the margin covers larger custom networks. */
    static final long DEFAULT_MAX_ARTIFACT_BYTES = 512L * 1024 * 1024;

    WorkerSettings {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(study, "study");
        if (workerId.isBlank()) {
            throw new IllegalArgumentException("--worker-id must not be blank");
        }
        if (maxArtifactBytes < 1) {
            throw new IllegalArgumentException("--max-artifact-size must be positive, got " + maxArtifactBytes);
        }
        for (Duration d : new Duration[] {capGrace, setupLimit, idlePoll, shutdownGrace}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative, got " + d);
            }
        }
    }
}
