package dev.hpo.protocol;

import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The end of a trial: {@code POST /api/trials/{id}/complete}, either {@code metrics} of a finished run, or
 * {@code failed: true} with a reason.
 *
 * @param metrics final metrics by name; may be empty only for a failed trial or one told to stop
 * @param failed true when the trial could not produce a result
 * @param reason why it failed, e.g. {@code time cap} or an error message
 */
public record Completion(@Size(max = 100) Map<String, Double> metrics, Boolean failed,
                         @Size(max = 2000) String reason, @Size(max = 200) String workerId) {

    /** A finished run with its final metrics. */
    public static Completion of(Map<String, Double> metrics, String workerId) {
        return new Completion(metrics, null, null, workerId);
    }

    /** A run that produced no result, and why. */
    public static Completion failure(String reason, String workerId) {
        return new Completion(null, true, reason, workerId);
    }

    /** Whether the trial is reported as failed. */
    public boolean reportsFailure() {
        return Boolean.TRUE.equals(failed);
    }
}
