package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrialSettingsJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTrialSettingsAsAWorkerReceivesThem() throws Exception {
        TrialSettings settings = TrialSettingsJson.parse(json.readTree("""
                {"timeCap": "90s", "heartbeatTimeout": "5s",
                 "dataset": {"name": "fashion-mnist", "trainPerClass": 20, "valPerClass": 10},
                 "model": {"family": "resnet9"}}"""));

        assertThat(settings.timeCap()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.builtInTrainer()).isTrue();
    }

    @Test
    void namesTheFieldOfEveryProblem() {
        assertThatThrownBy(() -> TrialSettingsJson.parse(json.readTree("{\"timeCap\": \"-3s\", \"repeats\": 0}")))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("trialSettings.timeCap")
                .hasMessageContaining("trialSettings.repeats");
    }
}
