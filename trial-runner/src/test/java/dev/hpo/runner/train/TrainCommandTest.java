package dev.hpo.runner.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.runner.RunnerCommand;
import dev.hpo.runner.data.DataFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
        assertThat(wall).as(out.toString()).isLessThan(4 + 2.0);
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
}
