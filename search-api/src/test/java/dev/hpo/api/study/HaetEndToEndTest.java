package dev.hpo.api.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.api.ApiTest;
import dev.hpo.api.HttpApi;
import dev.hpo.arch.ArchitectureCost;
import dev.hpo.arch.CostModel;
import dev.hpo.space.Configuration;
import dev.hpo.study.StudySpec;
import dev.hpo.study.StudySpecParser;
import dev.hpo.study.TrialPlans;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HAET formulation through the REST API: minimise MACs subject to accuracy at least the enqueued baseline's,
 * with a parameter budget the cost model decides before training.
 */
@ApiTest
class HaetEndToEndTest {

    private static final String SPEC = """
            {"name": "haet-end-to-end",
             "objectives": [{"metric": "macs", "goal": "MINIMIZE"}],
             "constraints": [{"metric": "accuracy", "min": "baseline"}, {"metric": "params", "max": 3000000}],
             "algorithm": {"name": "EVOLUTION", "populationSize": 5},
             "budget": {"maxTrials": 40, "parallelism": 1},
             "trialSettings": {"timeCap": "60s",
                               "dataset": {"name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 20},
                               "model": {"family": "resnet9"}},
             "parameters": [
               {"name": "width", "type": "float", "min": 0.25, "max": 1.0},
               {"name": "depth", "type": "categorical", "values": [0.5, 1.0]},
               {"name": "learningRate", "type": "float", "min": 0.001, "max": 0.5, "scale": "log"}],
             "seed": 11}
            """;

    private static final StudySpec STUDY = StudySpecParser.parse(SPEC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private static ArchitectureCost cost(Configuration c) {
        return CostModel.of(TrialPlans.resolve(STUDY, c, 0).architecture());
    }

    /** A stand-in for training: accuracy grows with MACs and peaks at a learning rate of 0.05. */
    private static double accuracy(Configuration c) {
        double lr = Math.log10(((Number) c.values().get("learningRate")).doubleValue() / 0.05);
        return 0.95 - 0.05 * lr * lr - 0.03 * Math.pow(cost(c).macs() / 1e8, -0.25);
    }

    private static Configuration parameters(JsonNode trial) {
        Map<String, Object> values = JSON.convertValue(trial.get("parameters"), Map.class);
        return STUDY.searchSpace().canonical(Configuration.of(new LinkedHashMap<>(values)));
    }

    private static String metrics(Configuration c) {
        ArchitectureCost cost = cost(c);
        return "{\"accuracy\": " + accuracy(c) + ", \"macs\": " + cost.macs() + ", \"params\": " + cost.params() + "}";
    }

    @Test
    void findsACheaperNetworkAsAccurateAsTheBaseline() {
        HttpApi api = new HttpApi(port);
        long study = api.createStudy(SPEC);
        Configuration baseline = Configuration.of(Map.of("width", 1.0, "depth", 1.0, "learningRate", 0.2));
        assertThat(api.post("/api/studies/" + study + "/trials",
                "{\"parameters\": {\"width\": 1.0, \"depth\": 1.0, \"learningRate\": 0.2}}").status()).isEqualTo(201);

        for (int i = 0; i < 25; i++) {
            JsonNode trial = api.suggest(study, "w1", 1).at("/trials/0");
            Configuration c = parameters(trial);
            if (i == 0) {
                assertThat(c).isEqualTo(STUDY.searchSpace().canonical(baseline));
            } else {
                assertThat(cost(c).params()).as("trial %d", i).isLessThanOrEqualTo(3_000_000);
            }
            assertThat(api.complete(trial.get("id").asLong(), metrics(c)).status()).isEqualTo(200);
        }

        JsonNode best = api.get("/api/studies/" + study + "/best").json().get("best");
        assertThat(best.get("feasible").asBoolean()).isTrue();
        assertThat(best.at("/metrics/accuracy").asDouble()).isGreaterThanOrEqualTo(accuracy(baseline));
        assertThat(best.at("/metrics/macs").asDouble()).isLessThan(0.5 * cost(baseline).macs());
    }
}
