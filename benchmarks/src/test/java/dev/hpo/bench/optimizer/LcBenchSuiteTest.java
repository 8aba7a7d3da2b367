package dev.hpo.bench.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LcBenchSuiteTest {

    private static String run(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OptimizerBenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return expectedStatus == 0 ? out.toString(StandardCharsets.UTF_8) : err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsTheArmsOverRestAndInProcessAndPrintsRegretAndRankPerBudget() throws Exception {
        JsonNode report = new ObjectMapper().readTree(run(0, "--suite", "lcbench", "--tasks", "3945", "--seeds", "2",
                "--budget", "6", "--arms", "EVOLUTION+ASHA,TPE+SH", "--cases"));

        assertThat(report.get("budgetFullRuns").asInt()).isEqualTo(6);
        assertThat(report.at("/arms/EVOLUTION+ASHA/via").asText()).isEqualTo("REST");
        assertThat(report.at("/arms/EVOLUTION+ASHA/algorithm/earlyStopping/rule").asText()).isEqualTo("ASHA");
        assertThat(report.at("/arms/TPE+SH/via").asText()).startsWith("in process");
        double reachable = report.at("/bestReachable/3945").asDouble();
        assertThat(reachable).isBetween(90.0, 100.0);
        for (String arm : new String[] {"EVOLUTION+ASHA", "TPE+SH"}) {
            JsonNode regret = report.at("/medianRegret/" + arm);
            assertThat(regret.fieldNames()).toIterable().containsExactly("5", "6");
            // More budget never makes a run's best worse.
            assertThat(regret.get("6").asDouble()).isLessThanOrEqualTo(regret.get("5").asDouble())
                    .isLessThan(reachable);
            assertThat(report.at("/meanRank/" + arm + "/6").asDouble()).isBetween(1.0, 2.0);
            assertThat(report.at("/runs/" + arm + "/medianStopped").asDouble()).isPositive();
            JsonNode cases = report.at("/caseRegret/" + arm);
            assertThat(cases.fieldNames()).toIterable().containsExactly("3945/0", "3945/1");
            // The median of two cases is their mean.
            assertThat((cases.at("/3945~10/6").asDouble() + cases.at("/3945~11/6").asDouble()) / 2)
                    .isCloseTo(regret.get("6").asDouble(), within(0.002));
        }
        assertThat(report.at("/meanRank/EVOLUTION+ASHA/6").asDouble() + report.at("/meanRank/TPE+SH/6").asDouble())
                .isEqualTo(3.0);
        assertThat(report.at("/lowestMedianRegret/6").asText()).isIn("EVOLUTION+ASHA", "TPE+SH");
    }

    @Test
    void namesAWrongSuiteOrOption() {
        assertThat(run(2, "--suite", "hpobench")).contains("--suite takes lcbench");
        assertThat(run(2, "--suite", "lcbench", "--seeds", "none")).contains("--seeds must be a positive integer");
    }
}
