package dev.hpo.study;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a spec's {@code fidelity} object: {@code {"unit": "seconds"}}, the default, whose budget is the trial's time
 * cap, or {@code {"unit": "steps", "max": 52}} for trials that count their own steps.
 */
final class FidelityParser {

    private FidelityParser() {
    }

    /** The fidelity, or empty when it or the trial settings it depends on have a problem (all reported). */
    static Optional<Fidelity> parse(SpecObject s, Optional<TrialSettings> trialSettings) {
        if (!s.has("fidelity")) {
            return trialSettings.map(t -> Fidelity.seconds(t.timeCap()));
        }
        return s.object("fidelity", false, List.of("unit", "max")).flatMap(f -> {
            Problems problems = f.problems();
            Optional<FidelityUnit> unit = f.string("unit", true).flatMap(u -> unit(u, f));
            if (unit.isEmpty()) {
                return Optional.empty();
            }
            if (unit.get() == FidelityUnit.SECONDS) {
                if (f.has("max")) {
                    problems.add(f.path("max"), "the budget in seconds is trialSettings.timeCap; leave max out");
                    return Optional.empty();
                }
                return trialSettings.map(t -> Fidelity.seconds(t.timeCap()));
            }
            OptionalLong max = f.integer("max", true, 1, Fidelity.MAX_STEPS);
            if (trialSettings.filter(TrialSettings::builtInTrainer).isPresent()) {
                problems.add(f.path("unit"), "the built-in trainer trains for trialSettings.timeCap and counts no "
                        + "steps of its own; with a model the fidelity is SECONDS");
                return Optional.empty();
            }
            return max.isPresent() ? Optional.of(Fidelity.steps(max.getAsLong())) : Optional.empty();
        });
    }

    private static Optional<FidelityUnit> unit(String text, SpecObject f) {
        try {
            return Optional.of(FidelityUnit.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            f.problems().add(f.path("unit"), "must be SECONDS or STEPS, got \"" + text + "\"");
            return Optional.empty();
        }
    }
}
