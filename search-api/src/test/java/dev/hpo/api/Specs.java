package dev.hpo.api;

/** Study specs for tests: a custom trial script (no built-in model), so any metric names are allowed. */
public final class Specs {

    private Specs() {
    }

    public static String minimizeLoss(String name, int maxTrials, int parallelism) {
        return spec(name, maxTrials, parallelism, 1, "\"heartbeatTimeout\": \"60s\", \"maxRetries\": 1", "");
    }

    /**
     * @param trialSettings extra fields of trialSettings, e.g. {@code "heartbeatTimeout": "1s"}
     * @param constraints the JSON array of constraints, or empty for none
     */
    public static String spec(String name, int maxTrials, int parallelism, int repeats, String trialSettings,
                              String constraints) {
        return """
                {
                  "name": "%s",
                  "objectives": [{"metric": "loss", "goal": "MINIMIZE"}],
                  %s
                  "algorithm": {"name": "RANDOM"},
                  "budget": {"maxTrials": %d, "parallelism": %d},
                  "trialSettings": {"timeCap": "10m", "repeats": %d%s},
                  "parameters": [
                    {"name": "learningRate", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"},
                    {"name": "optimizer", "type": "categorical", "values": ["sgd", "adam"]},
                    {"name": "batchSize", "type": "int", "min": 32, "max": 256}
                  ],
                  "seed": 7
                }
                """.formatted(name, constraints.isEmpty() ? "" : "\"constraints\": " + constraints + ",",
                maxTrials, parallelism, repeats, trialSettings.isEmpty() ? "" : ", " + trialSettings);
    }

    public static String twoObjectives(String name, int maxTrials) {
        return """
                {
                  "name": "%s",
                  "objectives": [{"metric": "accuracy", "goal": "MAXIMIZE"}, {"metric": "macs", "goal": "MINIMIZE"}],
                  "constraints": [{"metric": "accuracy", "min": 0.5}],
                  "algorithm": {"name": "RANDOM"},
                  "budget": {"maxTrials": %d, "parallelism": 100},
                  "trialSettings": {"timeCap": "10m"},
                  "parameters": [
                    {"name": "width", "type": "float", "min": 0.25, "max": 1.0}
                  ],
                  "seed": 3
                }
                """.formatted(name, maxTrials);
    }
}
