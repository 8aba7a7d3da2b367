package dev.hpo.api.trial;

import dev.hpo.trial.Measurement;
import java.time.Instant;
import java.util.Objects;

/**
 * A measurement as the store keeps it: which attempt of its trial reported it, and when. A trial taken from a lost
 * worker starts over as its next attempt; what earlier attempts reported stays stored and shown.
 *
 * @param attempt the run of the trial that reported it, from 1
 */
public record RecordedMeasurement(int attempt, Measurement measurement, Instant reportedAt) {

    public RecordedMeasurement {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
