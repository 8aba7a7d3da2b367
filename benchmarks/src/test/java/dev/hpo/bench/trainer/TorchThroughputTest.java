package dev.hpo.bench.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.arch.NetworkLayout;
import dev.hpo.runner.engine.Device;
import dev.hpo.runner.torch.Torch;
import org.junit.jupiter.api.Test;

class TorchThroughputTest {

    private static final NetworkLayout TINY =
            new ArchitectureSpec(ModelFamily.RESNET9, InputShape.of(1, 12, 12), 3, 0.4, 0.125, 1).layout();

    @Test
    void measuresTheEnginesStepWithSamAfterTheWarmUp() throws Exception {
        JsonNode figures = TorchThroughput.measure(Torch.engine(), Device.parse("cpu"), TINY, 4, 0.2, 2, 0.05);

        assertThat(figures.path("event").asText()).isEqualTo("bench");
        assertThat(figures.path("imagesPerSecond").asDouble()).isPositive();
        assertThat(figures.path("medianStepSeconds").asDouble()).isPositive();
        assertThat(figures.path("bf16").asBoolean()).isFalse();
    }

    @Test
    void aDeviceTheEngineCannotUseIsReportedWithTheEnginesReason() {
        assertThatThrownBy(() -> TorchThroughput.measure(Torch.engine(), Device.parse("cuda:99"), TINY, 4, 0.2, 0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the pytorch engine could not measure: ")
                .hasMessageContaining("cuda:99");
    }
}
