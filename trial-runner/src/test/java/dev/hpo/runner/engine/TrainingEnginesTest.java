package dev.hpo.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainingEnginesTest {

    @Test
    void findsBothEnginesThroughTheServiceLoader() {
        TrainingEngines engines = TrainingEngines.discover();

        assertThat(engines.names()).containsExactly("dl4j", "pytorch");
        assertThat(engines.create(TrainingEngines.DEFAULT, EngineSettings.defaults()).name())
                .isEqualTo(TrainingEngines.DEFAULT);
    }

    @Test
    void namesTheAvailableEnginesWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> TrainingEngines.discover().create("djl", EngineSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown engine 'djl', available: dl4j, pytorch");
    }

    @Test
    void theCpuBuildOfTheDl4jEngineRefusesAGpuInsteadOfTrainingOnTheCpuUnasked() {
        EngineSettings gpu = new EngineSettings(Device.parse("cuda:0"), Optional.empty());

        assertThatThrownBy(() -> TrainingEngines.discover().create("dl4j", gpu))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trains on the CPU only, not on cuda:0").hasMessageContaining("--engine pytorch");
    }
}
