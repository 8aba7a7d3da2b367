package dev.hpo.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.protocol.MeasurementView;
import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import dev.hpo.reliability.support.Ledger;
import dev.hpo.reliability.support.Studies;
import dev.hpo.trial.TrialState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A study as the API stored it, checked against what the workers were told was stored. */
record Outcome(int completeTrials, List<String> missingMeasurementDetails, List<String> missingCompletionDetails) {

    static Outcome check(ApiClient api, long studyId, Ledger ledger) {
        Map<Long, TrialView> stored = new HashMap<>();
        for (TrialView trial : Studies.trialsWithMeasurements(api, studyId)) {
            stored.put(trial.id(), trial);
        }
        List<String> missingMeasurements = ledger.measurements().stream()
                .filter(m -> !hasMeasurement(stored.get(m.trialId()), m))
                .map(Ledger.Measurement::toString)
                .toList();
        List<String> missingCompletions = ledger.completions().entrySet().stream()
                .filter(c -> {
                    TrialView trial = stored.get(c.getKey());
                    return trial == null || trial.state() != TrialState.COMPLETE
                            || !c.getValue().equals(trial.metrics().get("loss"));
                })
                .map(c -> "trial " + c.getKey() + " loss " + c.getValue())
                .toList();
        int complete = (int) stored.values().stream().filter(trial -> trial.state() == TrialState.COMPLETE).count();
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

    private static boolean hasMeasurement(TrialView trial, Ledger.Measurement measurement) {
        if (trial == null) {
            return false;
        }
        for (MeasurementView stored : trial.measurements()) {
            if (stored.step() == measurement.step()
                    && Double.valueOf(measurement.loss()).equals(stored.metrics().get("loss"))) {
                return true;
            }
        }
        return false;
    }
}
