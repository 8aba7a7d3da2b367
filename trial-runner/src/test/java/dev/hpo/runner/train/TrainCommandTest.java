package dev.hpo.runner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.runner.RunnerCommand;
import dev.hpo.runner.data.DataFixtures;
import dev.hpo.runner.engine.EngineSettings;
import dev.hpo.runner.engine.TrainingEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    @TempDir
    Path temp;

    @Test
    void aTrialReadsItsDataTrainsAndEvaluatesWithinTheCapAndPrintsItsResult() throws Exception {
        Path directory = DataFixtures.fashionMnist(temp, 8, 4, true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RunnerCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        long start = System.nanoTime();

        int exit = cli.execute("train", "--data-dir", directory.toString(), "--train-per-class", "8",
                "--val-per-class", "4", "--depth", "0.4", "--width", "0.125", "--resolution", "0.5",
                "--batch-size", "16", "--time-cap", "4s", "--json");

        double wall = (System.nanoTime() - start) / 1e9;
        JsonNode json = new ObjectMapper().readTree(out.toString());
        // How exactly a trial keeps to its cap is tested on a simulated clock (Dl4jEngineTest); on the machine's
        // clock, which other programs slow down, this only catches a trial that ignores its cap.
        assertThat(wall).as(out.toString()).isLessThan(4 + 30.0);
        assertThat(json.get("wallSeconds").asDouble()).isLessThanOrEqualTo(wall);
        if (exit == 0) {
            assertThat(json.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(json.get("accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(json.get("validationImages").asInt()).isBetween(1, 40);
            assertThat(json.get("steps").asInt()).isPositive();
            assertThat(json.get("scoredAtStep").asLong()).isPositive().isLessThanOrEqualTo(json.get("steps").asLong());
        } else {
            // Only a machine too busy to take one step in the cap ends here; the result must say so.
            assertThat(exit).as(err.toString()).isEqualTo(1);
            assertThat(json.get("failure").asText()).contains("too short");
        }
    }

    @Test
    void bothEnginesPrintTheSameResultFieldsAndCostForTheSamePlan() throws Exception {
        Path directory = DataFixtures.fashionMnist(temp, 8, 4, true);
        String[] trial = {"train", "--data-dir", directory.toString(), "--train-per-class", "8", "--val-per-class",
            "4", "--depth", "0.4", "--width", "0.125", "--resolution", "0.5", "--batch-size", "16", "--time-cap", "30s",
            "--json"};

        JsonNode dl4j = train(trial, "dl4j");
        JsonNode pytorch = train(trial, "pytorch");

        assertThat(fields(pytorch)).isEqualTo(fields(dl4j));
        assertThat(pytorch.get("engine").asText()).isEqualTo("pytorch");
        assertThat(dl4j.get("engine").asText()).isEqualTo("dl4j");
        assertThat(pytorch.get("macs").asLong()).isEqualTo(dl4j.get("macs").asLong());
        assertThat(pytorch.get("params").asLong()).isEqualTo(dl4j.get("params").asLong());
        assertThat(pytorch.get("plan")).isEqualTo(dl4j.get("plan"));
        assertThat(pytorch.get("status").asText()).isIn("COMPLETE", "FAILED");
        assertThat(fields(pytorch.get("measurements").get(0))).isEqualTo(fields(dl4j.get("measurements").get(0)));
    }

    private static JsonNode train(String[] trial, String engine) throws Exception {
        assumeTrue(!engine.equals("pytorch") || torchAvailable(),
                "no Python with torch here");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RunnerCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] arguments = Arrays.copyOf(trial, trial.length + 2);
        arguments[trial.length] = "--engine";
        arguments[trial.length + 1] = engine;

        int exit = cli.execute(arguments);

        assertThat(exit).as(engine + ": " + err).isIn(0, 1);
        return new ObjectMapper().readTree(out.toString());
    }

    private static Set<String> fields(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean torchAvailable() {
        try {
            TrainingEngines.discover().create("pytorch", EngineSettings.defaults());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
