package dev.hpo.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Creating test studies and reading back what the API stored, over HTTP. */
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
        try {
            return api.post("api/studies", spec).expect(201).json().path("id").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode study(ApiClient api, long studyId) {
        try {
            return api.get("api/studies/" + studyId).expect(200).json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many studies the API stores. */
    public static int count(ApiClient api) {
        try {
            return api.get("api/studies").expect(200).json().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every trial of a study, page by page, without measurements. */
    public static List<JsonNode> trials(ApiClient api, long studyId) {
        List<JsonNode> trials = new ArrayList<>();
        try {
            for (int page = 0; ; page++) {
                JsonNode answer = api.get("api/studies/" + studyId + "/trials?page=" + page + "&size=200")
                        .expect(200).json();
                answer.path("items").forEach(trials::add);
                if (page + 1 >= answer.path("totalPages").asInt()) {
                    return trials;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One trial with its measurements. */
    public static JsonNode trial(ApiClient api, long trialId) {
        try {
            return api.get("api/trials/" + trialId).expect(200).json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
