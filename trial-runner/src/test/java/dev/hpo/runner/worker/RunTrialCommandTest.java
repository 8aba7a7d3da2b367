package dev.hpo.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.trial.TrialPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A suggestion, as the API sends it, resolved to the plan the trainer runs. */
class RunTrialCommandTest {

    private static final String SUGGESTION = """
            {"id": 12, "studyId": 3, "number": 4, "configKey": 4, "repeat": 1, "attempt": 1,
             "parameters": {"width": 0.5, "learningRate": 0.05, "optimizer": "adam"},
             "seed": 42, "timeCapSeconds": 30.0, "heartbeatTimeoutSeconds": 10.0,
             "trialSettings": {"timeCap": "30s", "repeats": 2, "heartbeatTimeout": "10s",
                               "dataset": {"name": "fashion-mnist", "trainPerClass": 50, "valPerClass": 20},
                               "model": {"family": "resnet9"}}}""";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void resolvesTheConfigurationAndRepeatAgainstTheStudysTrialSettings() throws Exception {
        RunTrialCommand command = new RunTrialCommand();

        TrialPlan plan = command.plan(json.readTree(SUGGESTION));

        assertThat(plan.architecture().width()).isEqualTo(0.5);
        assertThat(plan.training().learningRate()).isEqualTo(0.05);
        assertThat(plan.training().optimizer().id()).isEqualTo("adam");
        assertThat(plan.data().trainPerClass()).isEqualTo(50);
        assertThat(plan.timeCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.data().directory()).isEmpty();
    }

    @Test
    void usesTheWorkersDataDirectoryWhenTheSettingsNameNone() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        command.datasetDirs.put("fashion-mnist", Path.of("/data/fmnist"));

        TrialPlan plan = command.plan(json.readTree(SUGGESTION));

        assertThat(plan.data().directory()).isEqualTo(Optional.of("/data/fmnist"));
    }

    @Test
    void repeatsOfOneConfigurationDrawDistinctSubsets() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        String first = SUGGESTION.replace("\"repeat\": 1", "\"repeat\": 0");

        assertThat(command.plan(json.readTree(first)).data().subsetSeed())
                .isNotEqualTo(command.plan(json.readTree(SUGGESTION)).data().subsetSeed());
    }

    @Test
    void anUnknownParameterIsAnErrorNamingIt() throws Exception {
        RunTrialCommand command = new RunTrialCommand();
        String unknown = SUGGESTION.replace("\"optimizer\": \"adam\"", "\"dropout\": 0.1");

        assertThatThrownBy(() -> command.plan(json.readTree(unknown)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout");
    }
}
