package dev.hpo.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.ArchitectureSpec;
import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.trial.Activation;
import dev.hpo.trial.DataSpec;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrainingOptionsBuilder;
import dev.hpo.trial.TrialPlan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrialPlanJsonTest {

    private static final String MINIMAL = """
            {"architecture": {"family": "resnet9", "input": "1x28x28", "classes": 10},
             "data": {"dataset": "fashion-mnist"},
             "timeCapSeconds": 120}""";

    @Test
    void roundTripsEveryField() {
        TrainingOptions training = TrainingOptionsBuilder.defaults().optimizer(Optimizer.ADAMW).learningRate(0.003)
                .momentum(0.8).weightDecay(0.05).batchSize(64).labelSmoothing(0.2).samRho(0.05)
                .gradientCentralization(true).activation(Activation.CELU).activationAlpha(0.3).warmupFraction(0.2)
                .whitening(true).cropPadding(4).flip(false).cutout(8).flipTestTimeAugmentation(false).seed(42)
                .build();
        TrialPlan plan = new TrialPlan(
                new ArchitectureSpec(ModelFamily.RESNET18, InputShape.of(3, 32, 32), 100, 0.5, 0.75, 0.875),
                new DataSpec(Dataset.FOLDER, Optional.of("/data/mini"), 50, 10, 3, List.of(-5L, 8L)), training,
                Duration.ofMillis(90_500));

        assertThat(TrialPlanJson.parse(TrialPlanJson.write(plan).toString())).isEqualTo(plan);
    }

    @Test
    void fillsLeftOutFieldsWithTheDefaults() {
        TrialPlan plan = TrialPlanJson.parse(MINIMAL);

        assertThat(plan.training()).isEqualTo(TrainingOptions.defaults());
        assertThat(plan.architecture()).isEqualTo(
                ArchitectureSpec.baseline(ModelFamily.RESNET9, InputShape.of(1, 28, 28), 10));
        assertThat(plan.data().trainPerClass()).isEqualTo(500);
        assertThat(plan.timeCap()).isEqualTo(Duration.ofSeconds(120));
        assertThat(plan.data().excludedSubsets()).isEmpty();
    }

    @Test
    void anExcludedSubsetThatIsNoIntegerIsNamed() {
        assertThatThrownBy(() -> TrialPlanJson.parse(MINIMAL.replace("\"fashion-mnist\"",
                "\"fashion-mnist\", \"excludedSubsets\": [1, \"two\"]")))
                .hasMessageContaining("data.excludedSubsets[1] must be an integer");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"architecture\": {\"family\": \"resnet9\", |architecture.input is missing",
        "\"architecture\": {\"family\": \"vgg\", \"input\": \"1x28x28\", |architecture.family: unknown model family 'vgg'",
        "\"training\": {\"batchSize\": 0}, \"architecture\": {\"family\": \"resnet9\", \"input\": \"1x28x28\", |training.batchSize must be at least 1",
        "\"training\": {\"optimizer\": \"lion\"}, \"architecture\": {\"family\": \"resnet9\", \"input\": \"1x28x28\", |training.optimizer: unknown optimizer 'lion'",
        "\"training\": {\"flip\": \"yes\"}, \"architecture\": {\"family\": \"resnet9\", \"input\": \"1x28x28\", |training.flip must be true or false",
    })
    void namesTheFieldOfEveryError(String prefix, String message) {
        String json = "{" + prefix + " \"classes\": 10}, \"data\": {\"dataset\": \"fashion-mnist\"},"
                + " \"timeCapSeconds\": 60}";

        assertThatThrownBy(() -> TrialPlanJson.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsANonPositiveCapAndBrokenJson() {
        assertThatThrownBy(() -> TrialPlanJson.parse(MINIMAL.replace("120", "0")))
                .hasMessageContaining("timeCapSeconds must be positive");
        assertThatThrownBy(() -> TrialPlanJson.parse("{\"architecture\": ")).hasMessageContaining("not valid JSON");
    }
}
