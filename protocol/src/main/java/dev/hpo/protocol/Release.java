package dev.hpo.protocol;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A worker handing its running trial back, so another can run it without waiting for a heartbeat timeout:
 * {@code POST /api/trials/{id}/release}.
 *
 * @param workerId the worker handing its trial back; only the worker holding it may
 */
public record Release(@NotBlank @Size(max = 200) String workerId) {
}
