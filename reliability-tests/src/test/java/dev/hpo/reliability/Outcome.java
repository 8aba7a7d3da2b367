package dev.hpo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.reliability.support.ApiClient;
import dev.hpo.reliability.support.Ledger;
import dev.hpo.reliability.support.Studies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A study as the API stored it, checked against what the workers were told was stored. */
record Outcome(int completeTrials, List<String> missingMeasurementDetails, List<String> missingCompletionDetails) {

    static Outcome check(ApiClient api, long studyId, Ledger ledger) {
        Map<Long, JsonNode> stored = new HashMap<>();
        for (JsonNode trial : Studies.trials(api, studyId)) {
            long id = trial.path("id").asLong();
            stored.put(id, Studies.trial(api, id));
        }
        List<String> missingMeasurements = ledger.measurements().stream()
                .filter(m -> !hasMeasurement(stored.get(m.trialId()), m))
                .map(Ledger.Measurement::toString)
                .toList();
        List<String> missingCompletions = ledger.completions().entrySet().stream()
                .filter(c -> {
                    JsonNode trial = stored.get(c.getKey());
                    return trial == null || !"COMPLETE".equals(trial.path("state").asText())
                            || trial.path("metrics").path("loss").asDouble() != c.getValue();
                })
                .map(c -> "trial " + c.getKey() + " loss " + c.getValue())
                .toList();
        int complete = (int) stored.values().stream()
                .filter(trial -> "COMPLETE".equals(trial.path("state").asText())).count();
        return new Outcome(complete, missingMeasurements, missingCompletions);
    }

    int missingMeasurements() {
        return missingMeasurementDetails.size();
    }

    int missingCompletions() {
        return missingCompletionDetails.size();
    }

    void assertNothingLost() {
        assertThat(missingMeasurementDetails).as("acknowledged measurements the database does not hold").isEmpty();
        assertThat(missingCompletionDetails).as("acknowledged completions the database does not hold").isEmpty();
    }

    private static boolean hasMeasurement(JsonNode trial, Ledger.Measurement measurement) {
        if (trial == null) {
            return false;
        }
        for (JsonNode stored : trial.path("measurements")) {
            if (stored.path("step").asLong() == measurement.step()
                    && stored.path("metrics").path("loss").asDouble() == measurement.loss()) {
                return true;
            }
        }
        return false;
    }
}
