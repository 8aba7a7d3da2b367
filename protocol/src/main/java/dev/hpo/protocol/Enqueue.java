package dev.hpo.protocol;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * A known configuration, e.g. a baseline, to run before sampled ones: {@code POST /api/studies/{id}/trials}.
 *
 * @param parameters a configuration of the study's search space; fixed parameters may be left out
 */
public record Enqueue(@NotNull Map<String, Object> parameters) {
}
