package dev.hpo.protocol;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A worker's request for trials: {@code POST /api/studies/{id}/suggestions}.
 *
 * @param workerId who asks; a worker asking again gets back the running trials it already holds
 * @param count how many trials the worker can run now, 1 when absent
 * @param engine what the worker trains with ({@code dl4j}, {@code pytorch}), recorded with each trial it takes;
 *        absent for a worker that runs the user's own trial command
 */
public record Suggest(@NotBlank @Size(max = 200) String workerId, @Min(1) @Max(64) Integer count,
                      @Size(max = 100) String engine) {

    public static Suggest of(String workerId, int count) {
        return new Suggest(workerId, count, null);
    }

    public static Suggest of(String workerId, int count, String engine) {
        return new Suggest(workerId, count, engine);
    }

    /** The trials asked for: {@code count}, or 1 when the request leaves it out. */
    public int countOrOne() {
        return count == null ? 1 : count;
    }
}
