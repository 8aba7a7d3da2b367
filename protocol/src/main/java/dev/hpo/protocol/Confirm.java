package dev.hpo.protocol;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * Confirmation runs asked for a finished study: {@code POST /api/studies/{id}/confirmations}. The configurations
 * confirmed are the best {@code top} by the study's ranking and those of the trials named in {@code trials} (a
 * baseline, say), each once however it was named.
 *
 * @param top how many of the best configurations to confirm, 0 to 100; absent means 0
 * @param repeats runs of each configuration, 2 to 100, each on a fresh subset; runs a configuration already has are
 *        kept and the new ones are numbered after them
 * @param trials ids of trials of the study whose configurations are confirmed too; absent means none
 */
public record Confirm(@Min(0) @Max(100) Integer top, @NotNull @Min(2) @Max(100) Integer repeats,
                      List<@NotNull Long> trials) {

    public Confirm {
        trials = trials == null ? List.of() : List.copyOf(trials);
    }

    public int topOrNone() {
        return top == null ? 0 : top;
    }
}
