package dev.hpo.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.CliException;
import dev.hpo.study.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example study, with the demo's overrides of its trial count, time cap and parallelism applied. */
final class DemoSpec {

    private DemoSpec() {
    }

    /**
     * @param trials replaces {@code budget.maxTrials} when given
     * @param timeCap replaces {@code trialSettings.timeCap} when given
     * @param workers the parallelism: every local worker gets a trial at once
     */
    static ObjectNode adjusted(Path file, Integer trials, String timeCap, int workers) {
        JsonNode spec;
        try {
            spec = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CliException(2, "cannot read the study spec " + file + ": " + e.getMessage());
        }
        if (!(spec instanceof ObjectNode study)) {
            throw new CliException(2, file + ": a study spec is a JSON object");
        }
        ObjectNode budget = study.withObjectProperty("budget");
        if (trials != null) {
            if (trials < 1) {
                throw new CliException(2, "--trials must be at least 1, got " + trials);
            }
            budget.put("maxTrials", trials);
        }
        budget.put("parallelism", workers);
        if (timeCap != null) {
            try {
                Durations.positive("--time-cap", timeCap);
            } catch (IllegalArgumentException e) {
                throw new CliException(CliException.USAGE, e.getMessage());
            }
            study.withObjectProperty("trialSettings").put("timeCap", timeCap.trim());
        }
        return study;
    }
}
