package dev.hpo.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads a study's {@code trialSettings} object on its own, as a worker receives it with each suggestion, with the
 * same rules and messages as inside a whole spec.
 */
public final class TrialSettingsJson {

    private TrialSettingsJson() {
    }

    /** @throws InvalidSpecException listing every problem, with paths under {@code trialSettings} */
    public static TrialSettings parse(JsonNode node) {
        Problems problems = new Problems();
        Optional<TrialSettings> settings = SpecObject.of(node, "trialSettings", problems, TrialSettingsParser.FIELDS)
                .flatMap(TrialSettingsParser::parse);
        if (problems.count() > 0 || settings.isEmpty()) {
            throw new InvalidSpecException(problems.errors());
        }
        return settings.get();
    }
}
