package dev.hpo.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingOptionsBuilderTest {

    private static final TrainingOptions RECIPE = new TrainingOptions(Optimizer.ADAMW, 0.003, 0.8, 0.05, 64, 0.2,
            0.05, true, Activation.CELU, 0.3, 0.2, true, 4, false, 8, false, 99);

    @Test
    void rebuildsTheOptionsItStartedFromUnchanged() {
        assertThat(TrainingOptionsBuilder.from(RECIPE).build()).isEqualTo(RECIPE);
        assertThat(TrainingOptionsBuilder.defaults().build()).isEqualTo(TrainingOptions.defaults());
    }

    @Test
    void changesTheNamedFieldsAndKeepsTheRest() {
        TrainingOptions changed = TrainingOptionsBuilder.from(RECIPE).optimizer(Optimizer.SGD).learningRate(0.2)
                .momentum(0.9).weightDecay(5e-4).batchSize(256).labelSmoothing(0).samRho(0)
                .gradientCentralization(false).activation(Activation.LEAKY_RELU).activationAlpha(0.1)
                .warmupFraction(0).whitening(false).cropPadding(2).flip(true).cutout(0)
                .flipTestTimeAugmentation(true).seed(7).build();

        assertThat(changed).isEqualTo(new TrainingOptions(Optimizer.SGD, 0.2, 0.9, 5e-4, 256, 0, 0, false,
                Activation.LEAKY_RELU, 0.1, 0, false, 2, true, 0, true, 7));
        assertThat(TrainingOptionsBuilder.from(RECIPE).batchSize(32).build())
                .isEqualTo(new TrainingOptions(Optimizer.ADAMW, 0.003, 0.8, 0.05, 32, 0.2, 0.05, true,
                        Activation.CELU, 0.3, 0.2, true, 4, false, 8, false, 99));
    }

    @Test
    void buildingRejectsAnInvalidFieldByName() {
        assertThatThrownBy(() -> TrainingOptionsBuilder.defaults().batchSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be at least 1, got 0");
    }
}
