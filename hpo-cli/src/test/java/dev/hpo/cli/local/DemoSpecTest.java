package dev.hpo.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.cli.api.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSpecTest {

    @TempDir
    Path dir;

    @Test
    void overridesTrialsTimeCapAndParallelismKeepingTheRest() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), """
                {"name": "demo", "budget": {"maxTrials": 8, "parallelism": 1, "maxDuration": "1h"},
                 "trialSettings": {"timeCap": "60s", "repeats": 1}}""");

        ObjectNode adjusted = DemoSpec.adjusted(spec, 3, "20s", 2);

        assertThat(adjusted.at("/budget/maxTrials").asInt()).isEqualTo(3);
        assertThat(adjusted.at("/budget/parallelism").asInt()).isEqualTo(2);
        assertThat(adjusted.at("/budget/maxDuration").asText()).isEqualTo("1h");
        assertThat(adjusted.at("/trialSettings/timeCap").asText()).isEqualTo("20s");
        assertThat(adjusted.at("/trialSettings/repeats").asInt()).isEqualTo(1);
    }

    @Test
    void withoutOverridesTheExampleStandsAsWritten() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), """
                {"name": "demo", "budget": {"maxTrials": 8}, "trialSettings": {"timeCap": "60s"}}""");

        ObjectNode adjusted = DemoSpec.adjusted(spec, null, null, 1);

        assertThat(adjusted.at("/budget/maxTrials").asInt()).isEqualTo(8);
        assertThat(adjusted.at("/trialSettings/timeCap").asText()).isEqualTo("60s");
    }

    @Test
    void rejectsZeroTrials() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), "{\"name\": \"demo\"}");

        assertThatThrownBy(() -> DemoSpec.adjusted(spec, 0, null, 1)).isInstanceOf(CliException.class)
                .hasMessageContaining("--trials");
    }

    @Test
    void rejectsATimeCapThatIsNotAPositiveDurationBeforeAnythingStarts() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.json"), "{\"name\": \"demo\"}");

        assertThatThrownBy(() -> DemoSpec.adjusted(spec, null, "soon", 1)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("--time-cap must be a duration such as");
        assertThatThrownBy(() -> DemoSpec.adjusted(spec, null, "0s", 1)).isInstanceOf(CliException.class)
                .hasMessageContaining("--time-cap must be positive");
    }
}
