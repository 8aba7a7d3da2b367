package dev.hpo.protocol;

import jakarta.validation.constraints.Size;

/**
 * A sign of life for a running trial: {@code POST /api/trials/{id}/heartbeat}, answered with a {@link StopDecision}.
 *
 * @param workerId the beating worker, if it says
 */
public record Heartbeat(@Size(max = 200) String workerId) {
}
