package dev.hpo.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.bench.CommandBenchmark;
import dev.hpo.runner.data.DataFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchDataCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandBenchmark(BenchDataCommand::new).commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void printsLoadTimesAndBatchRateAsJson() throws Exception {
        Path directory = DataFixtures.fashionMnist(temp, 8, 4, true);

        int exit = run("--data-dir", directory.toString(), "--train-per-class", "6", "--val-per-class", "2",
                "--resolution", "0.5", "--loads", "3", "--batch", "16", "--seconds", "0.2", "--cutout", "4");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("input").asText()).isEqualTo("1x14x14");
        assertThat(json.get("trainImages").asInt()).isEqualTo(60);
        assertThat(json.get("validationImages").asInt()).isEqualTo(20);
        assertThat(json.get("loadMillisMedian").asDouble()).isPositive();
        assertThat(json.get("imagesPerSecond").asDouble()).isPositive();
        assertThat(json.get("cutout").asInt()).isEqualTo(4);
    }

    @Test
    void aMissingDataDirectoryIsNamedInTheError() {
        int exit = run("--data-dir", temp.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("nowhere").doesNotContain("Exception");
    }

    @Test
    void rejectsANonPositiveDuration() {
        int exit = run("--seconds", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("hpo bench data: ").contains("--seconds must be positive");
    }
}
