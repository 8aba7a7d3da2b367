package dev.hpo.bench.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.space.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerBenchCommandTest {

    private static String run(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OptimizerBenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return expectedStatus == 0 ? out.toString(StandardCharsets.UTF_8) : err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsMedianBestValuesPerAlgorithmAndBudget() throws Exception {
        JsonNode report = new ObjectMapper().readTree(run(0, "--evaluations", "12", "--seeds", "2",
                "--problems", "branin,two-objective", "--algorithms", "EVOLUTION,RANDOM,TPE,NSGA2"));

        JsonNode branin = report.get("problems").get(0);
        assertThat(branin.get("problem").asText()).isEqualTo("branin");
        assertThat(branin.get("medianBest").fieldNames()).toIterable().containsExactly("EVOLUTION", "RANDOM", "TPE");
        assertThat(branin.get("medianBest").get("EVOLUTION").get("12").asDouble())
                .isGreaterThanOrEqualTo(0.397887).isLessThan(100);
        assertThat(report.get("problems").get(1).get("medianHypervolume").get("NSGA2").get("12").asDouble())
                .isBetween(0.0, 1.0);
    }

    @Test
    void comparesEarlyStoppingArmsAtEqualCostInSteps() throws Exception {
        JsonNode report = new ObjectMapper().readTree(run(0, "--evaluations", "6", "--seeds", "1",
                "--problems", "two-objective-early-stopping"));

        JsonNode problem = report.get("problems").get(0);
        assertThat(problem.get("medianHypervolume").fieldNames()).toIterable()
                .containsExactly("NSGA2", "NSGA2+ASHA(pareto)", "NSGA2+ASHA(error only)");
        assertThat(problem.get("medianHypervolume").get("NSGA2+ASHA(pareto)").get("6").asDouble()).isBetween(0.0, 1.0);
        // Six full runs' worth of steps: six trials without a rule, more with one that stops some early.
        assertThat(problem.get("medianTrials").get("NSGA2").asInt()).isEqualTo(6);
        assertThat(problem.get("medianTrials").get("NSGA2+ASHA(pareto)").asInt()).isGreaterThan(6);
    }

    @Test
    void aTrialsErrorFallsToItsFinalValueAtTheLastStep() {
        Configuration c = Configuration.of(Map.of("learningRate", 0.01, "weightDecay", 1e-4, "optimizer", "adam",
                "batchSize", 64L, "width", 0.5, "depth", 1.0));

        assertThat(EarlyStoppingBench.error(c, EarlyStoppingBench.STEPS))
                .isCloseTo(StandardProblems.MixedTraining.error(c), within(1e-12));
        assertThat(EarlyStoppingBench.error(c, 1)).isGreaterThan(EarlyStoppingBench.error(c, 9))
                .isLessThan(0.9);
    }

    @Test
    void namesAWrongOption() {
        assertThat(run(2, "--evaluations", "zero")).contains("--evaluations must be a positive integer");
        assertThat(run(2, "--problems", "rosenbrock")).contains("unknown problem 'rosenbrock'");
    }
}
