package dev.hpo.reliability.support;

import dev.hpo.protocol.TrialView;
import dev.hpo.protocol.client.ApiClient;
import java.util.List;

/** Creating test studies and reading back what the API stored. */
public final class Studies {

    private Studies() {
    }

    /**
     * A study with objective {@code loss}, the random sampler, and the given budget and heartbeat timeout;
     * parallelism allows every worker of the tests to hold a trial at once. Three parameters, because the search
     * space rounds values to a few significant digits: one float alone has too few distinct values for thousands
     * of trials, and a study whose space is exhausted ends early.
     */
    public static String spec(String name, int maxTrials, String heartbeatTimeout, int maxRetries) {
        return """
                {"name": "%s",
                 "objectives": [{"metric": "loss", "goal": "MINIMIZE"}],
                 "algorithm": {"name": "RANDOM"},
                 "budget": {"maxTrials": %d, "parallelism": 64},
                 "trialSettings": {"timeCap": "10m", "heartbeatTimeout": "%s", "maxRetries": %d},
                 "parameters": [{"name": "x", "type": "float", "min": 0.0, "max": 1.0},
                                {"name": "y", "type": "float", "min": 0.001, "max": 10.0, "scale": "log"},
                                {"name": "units", "type": "int", "min": 1, "max": 1000}],
                 "seed": 7}
                """.formatted(name, maxTrials, heartbeatTimeout, maxRetries);
    }

    /** Creates a study and returns its id. */
    public static long create(ApiClient api, String spec) {
        return api.createStudy(spec).id();
    }

    /** Every trial of a study with its measurements, as stored. */
    public static List<TrialView> trialsWithMeasurements(ApiClient api, long studyId) {
        return api.allTrials(studyId, null).stream().map(t -> api.trial(t.id())).toList();
    }
}
