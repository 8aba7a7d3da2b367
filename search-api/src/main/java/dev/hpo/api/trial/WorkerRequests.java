package dev.hpo.api.trial;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Bodies of the worker protocol. */
public final class WorkerRequests {

    private WorkerRequests() {
    }

    /**
     * @param workerId who asks; a worker asking again gets back the running trials it already holds
     * @param count how many trials the worker can run now, 1 when absent
     */
    public record Suggest(@NotBlank @Size(max = 200) String workerId, @Min(1) @Max(64) Integer count) {
        int countOrOne() {
            return count == null ? 1 : count;
        }
    }

    /**
     * @param step a number that grows with training progress, e.g. the epoch
     * @param elapsedSeconds seconds since the trial started
     * @param metrics the metrics at this step, by name
     * @param workerId the reporting worker, if it says; a trial held by another worker is told to stop
     */
    public record Measure(@NotNull @PositiveOrZero Long step, @NotNull @PositiveOrZero Double elapsedSeconds,
                          @NotNull @Size(max = 100) Map<String, Double> metrics, @Size(max = 200) String workerId) {
    }

    /** @param workerId the beating worker, if it says */
    public record Heartbeat(@Size(max = 200) String workerId) {
    }

    /**
     * Either {@code metrics} of a finished run, or {@code failed: true} with a reason.
     *
     * @param metrics final metrics by name; may be empty only for a failed trial or one told to stop
     * @param failed true when the trial could not produce a result
     * @param reason why it failed, e.g. {@code time cap} or an error message
     */
    public record Complete(@Size(max = 100) Map<String, Double> metrics, Boolean failed,
                           @Size(max = 2000) String reason, @Size(max = 200) String workerId) {
        boolean isFailed() {
            return Boolean.TRUE.equals(failed);
        }
    }

    /** @param workerId the worker handing its trial back; only the worker holding it may */
    public record Release(@NotBlank @Size(max = 200) String workerId) {
    }

    /** @param parameters a configuration of the study's search space; fixed parameters may be left out */
    public record Enqueue(@NotNull Map<String, Object> parameters) {
    }
}
