package dev.hpo.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingEnginesTest {

    @Test
    void findsTheDefaultEngineThroughTheServiceLoader() {
        TrainingEngines engines = TrainingEngines.discover();

        assertThat(engines.names()).contains(TrainingEngines.DEFAULT);
        assertThat(engines.byName(TrainingEngines.DEFAULT).name()).isEqualTo(TrainingEngines.DEFAULT);
    }

    @Test
    void namesTheAvailableEnginesWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> TrainingEngines.discover().byName("djl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown engine 'djl', available: dl4j");
    }
}
