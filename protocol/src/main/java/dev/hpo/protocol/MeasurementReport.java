package dev.hpo.protocol;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * One point of a trial's learning curve: {@code POST /api/trials/{id}/measurements}, answered with a
 * {@link StopDecision}.
 *
 * @param step a number that grows with training progress, e.g. the epoch
 * @param elapsedSeconds seconds since the trial started
 * @param metrics the metrics at this step, by name
 * @param workerId the reporting worker, if it says; a trial held by another worker is told to stop
 */
public record MeasurementReport(@NotNull @PositiveOrZero Long step, @NotNull @PositiveOrZero Double elapsedSeconds,
                                @NotNull @Size(max = 100) Map<String, Double> metrics,
                                @Size(max = 200) String workerId) {

    public static MeasurementReport of(long step, double elapsedSeconds, Map<String, Double> metrics) {
        return new MeasurementReport(step, elapsedSeconds, metrics, null);
    }

    /** The same report, sent by {@code worker}. */
    public MeasurementReport by(String worker) {
        return new MeasurementReport(step, elapsedSeconds, metrics, worker);
    }
}
