package dev.hpo.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import dev.hpo.arch.ModelFamily;
import dev.hpo.space.Configuration;
import dev.hpo.trial.Activation;
import dev.hpo.trial.Dataset;
import dev.hpo.trial.Optimizer;
import dev.hpo.trial.TrainingOptions;
import dev.hpo.trial.TrialPlan;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialPlansTest {

    private static TrialSettings settings(Dataset dataset, int repeats, Map<String, Object> training) {
        return new TrialSettings(Duration.ofSeconds(90), repeats, Optional.of(DatasetSettings.of(dataset, 50, 20)),
                Optional.of(ModelFamily.RESNET9), training, Duration.ofSeconds(60), 2);
    }

    @Test
    void parametersOverrideFixedOptionsWhichOverrideDefaults() {
        TrialSettings s = settings(Dataset.FASHION_MNIST, 1,
                Map.of("activation", "celu", "learningRate", 0.2, "flip", false));
        Configuration c = Configuration.of(Map.of("learningRate", 0.01, "optimizer", "adamw", "batchSize", 64L));

        TrainingOptions o = TrialPlans.resolve(s, c, 0, 42).training();

        assertThat(o.learningRate()).isEqualTo(0.01);
        assertThat(o.optimizer()).isEqualTo(Optimizer.ADAMW);
        assertThat(o.batchSize()).isEqualTo(64);
        assertThat(o.activation()).isEqualTo(Activation.CELU);
        assertThat(o.flip()).isFalse();
        assertThat(o.weightDecay()).isEqualTo(TrainingOptions.defaults().weightDecay());
    }

    @Test
    void multipliersScaleTheDatasetsNativeShape() {
        TrialPlan fashion = TrialPlans.resolve(settings(Dataset.FASHION_MNIST, 1, Map.of()),
                Configuration.of(Map.of("width", 0.5, "depth", 0.4, "resolution", 0.75)), 0, 1);
        TrialPlan cifar = TrialPlans.resolve(settings(Dataset.CIFAR10, 1, Map.of()),
                Configuration.of(Map.of("width", 1L)), 0, 1);

        assertThat(fashion.architecture().input()).isEqualTo(InputShape.of(1, 28, 28));
        assertThat(fashion.architecture().scaledInput()).isEqualTo(InputShape.of(1, 21, 21));
        assertThat(fashion.architecture().width()).isEqualTo(0.5);
        assertThat(fashion.architecture().depth()).isEqualTo(0.4);
        assertThat(cifar.architecture().input()).isEqualTo(InputShape.of(3, 32, 32));
        assertThat(cifar.architecture().resolution()).isEqualTo(1.0);
        assertThat(cifar.architecture().classes()).isEqualTo(10);
        assertThat(cifar.timeCap()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aFolderDatasetUsesItsGivenShapeAndClasses() {
        DatasetSettings folder = new DatasetSettings(Dataset.FOLDER, Optional.of("/data/mini"), 60, 20,
                InputShape.of(3, 84, 84), 100);
        TrialSettings s = new TrialSettings(Duration.ofMinutes(10), 1, Optional.of(folder),
                Optional.of(ModelFamily.RESNET18), Map.of(), Duration.ofSeconds(60), 2);

        TrialPlan plan = TrialPlans.resolve(s, Configuration.of(Map.of()), 0, 3);

        assertThat(plan.architecture().input()).isEqualTo(InputShape.of(3, 84, 84));
        assertThat(plan.architecture().classes()).isEqualTo(100);
        assertThat(plan.data().directory()).contains("/data/mini");
        assertThat(plan.data().trainPerClass()).isEqualTo(60);
    }

    @Test
    void samOffMeansNoSamEvenWithARho() {
        TrialSettings s = settings(Dataset.FASHION_MNIST, 1, Map.of("samRho", 0.1));
        Map<String, Object> on = new LinkedHashMap<>(Map.of("sam", "on", "samRho", 0.03));

        assertThat(TrialPlans.resolve(s, Configuration.of(Map.of("sam", "off")), 0, 1).training().samRho()).isZero();
        assertThat(TrialPlans.resolve(s, Configuration.of(on), 0, 1).training().samRho()).isEqualTo(0.03);
        assertThat(TrialPlans.resolve(s, Configuration.of(Map.of("sam", "on")), 0, 1).training().samRho())
                .isEqualTo(0.1);
        assertThat(TrialPlans.resolve(settings(Dataset.FASHION_MNIST, 1, Map.of()),
                Configuration.of(Map.of("sam", "on")), 0, 1).training().samRho()).isEqualTo(TrialPlans.DEFAULT_SAM_RHO);
    }

    @Test
    void repeatsDrawDistinctSubsetsAndEveryConfigurationSharesThem() {
        TrialSettings s = settings(Dataset.FASHION_MNIST, 5, Map.of());
        Set<Long> subsets = new HashSet<>();
        Set<Long> trainingSeeds = new HashSet<>();
        for (int r = 0; r < 5; r++) {
            TrialPlan a = TrialPlans.resolve(s, Configuration.of(Map.of("width", 0.5)), r, 42);
            TrialPlan b = TrialPlans.resolve(s, Configuration.of(Map.of("width", 1.0)), r, 42);
            assertThat(a.data().subsetSeed()).isEqualTo(b.data().subsetSeed());
            subsets.add(a.data().subsetSeed());
            trainingSeeds.add(a.training().seed());
        }
        assertThat(subsets).hasSize(5);
        assertThat(trainingSeeds).hasSize(5);
        assertThat(TrialPlans.subsetSeed(43, 0)).isNotEqualTo(TrialPlans.subsetSeed(42, 0));
    }

    @Test
    void aFixedSeedHoldsAcrossRepeats() {
        TrialSettings s = settings(Dataset.FASHION_MNIST, 2, Map.of("seed", 7L));

        assertThat(TrialPlans.resolve(s, Configuration.of(Map.of()), 1, 42).training().seed()).isEqualTo(7);
    }

    @Test
    void resolvesADecodedConfigurationOfAParsedStudy() {
        StudySpec spec = StudySpecParser.parse(StudySpecParserTest.VALID);
        Configuration c = spec.searchSpace().decode(new double[] {0.5, 0.5, 0.5, 0.5, 0.9, 0.5});

        TrialPlan plan = TrialPlans.resolve(spec, c, 0);

        assertThat(plan.training().usesSam()).isTrue();
        assertThat(plan.data().trainPerClass()).isEqualTo(50);
    }

    @Test
    void rejectsRepeatsOutOfRangeUnknownParametersAndMissingModels() {
        TrialSettings s = settings(Dataset.FASHION_MNIST, 2, Map.of());
        assertThatThrownBy(() -> TrialPlans.resolve(s, Configuration.of(Map.of()), 2, 1))
                .hasMessage("repeat must be in [0, 2), got 2");
        assertThatThrownBy(() -> TrialPlans.resolve(s, Configuration.of(Map.of("dropout", 0.1)), 0, 1))
                .hasMessage("parameter 'dropout' is not one the built-in trainer understands");
        assertThatThrownBy(() -> TrialPlans.resolve(s, Configuration.of(Map.of("batchSize", 0L)), 0, 1))
                .hasMessage("batchSize must be at least 1, got 0");
        TrialSettings custom = new TrialSettings(Duration.ofMinutes(1), 1, Optional.empty(), Optional.empty(),
                Map.of(), Duration.ofSeconds(60), 0);
        assertThatThrownBy(() -> TrialPlans.resolve(custom, Configuration.of(Map.of()), 0, 1))
                .hasMessageContaining("name no model");
    }

    @Test
    void confirmationRunsDrawSeedsNoRepeatUsesAndLeaveOutEverySearchSubset() {
        TrialSettings s = settings(Dataset.FASHION_MNIST, 3, Map.of());
        Configuration c = Configuration.of(Map.of("width", 0.5));
        Set<Long> searchSubsets = new HashSet<>();
        Set<Long> searchTraining = new HashSet<>();
        for (int r = 0; r < 3; r++) {
            searchSubsets.add(TrialPlans.resolve(s, c, r, 42).data().subsetSeed());
            searchTraining.add(TrialPlans.resolve(s, c, r, 42).training().seed());
        }
        Set<Long> runs = new HashSet<>();
        for (int run = 0; run < 10; run++) {
            TrialPlan plan = TrialPlans.confirmation(s, c, run, 42);
            assertThat(plan.data().excludedSubsets()).containsExactlyInAnyOrderElementsOf(searchSubsets);
            assertThat(searchSubsets).doesNotContain(plan.data().subsetSeed());
            assertThat(searchTraining).doesNotContain(plan.training().seed());
            assertThat(plan.architecture()).isEqualTo(TrialPlans.resolve(s, c, 0, 42).architecture());
            runs.add(plan.data().subsetSeed());
        }
        assertThat(runs).hasSize(10);
        assertThat(TrialPlans.resolve(s, c, 0, 42).data().excludedSubsets()).isEmpty();
        assertThatThrownBy(() -> TrialPlans.confirmation(s, c, -1, 42)).hasMessageContaining("must be >= 0");
    }
}
