package dev.hpo.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingVocabularyTest {

    @Test
    void namesEveryTrainingOptionsComponentInOrder() {
        assertThat(TrainingVocabulary.names()).containsExactlyElementsOf(
                Arrays.stream(TrainingOptions.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void appliesOverridesOfEveryKind() {
        TrainingOptions o = TrainingVocabulary.apply(TrainingOptions.defaults(), Map.of(
                "optimizer", "AdamW", "learningRate", 3e-3, "batchSize", 64L, "flip", false,
                "activation", "leaky_relu", "seed", 9, "cutout", 8.0));

        assertThat(o.optimizer()).isEqualTo(Optimizer.ADAMW);
        assertThat(o.learningRate()).isEqualTo(3e-3);
        assertThat(o.batchSize()).isEqualTo(64);
        assertThat(o.flip()).isFalse();
        assertThat(o.activation()).isEqualTo(Activation.LEAKY_RELU);
        assertThat(o.seed()).isEqualTo(9);
        assertThat(o.cutout()).isEqualTo(8);
        assertThat(o.momentum()).isEqualTo(TrainingOptions.defaults().momentum());
    }

    @Test
    void canonicalFormsAreLowerCaseNamesLongsAndDoubles() {
        assertThat(TrainingVocabulary.canonical("optimizer", "SGD")).isEqualTo("sgd");
        assertThat(TrainingVocabulary.canonical("batchSize", 128)).isEqualTo(128L);
        assertThat(TrainingVocabulary.canonical("learningRate", 1)).isEqualTo(1.0);
    }

    @Test
    void rejectsValuesOutsideTheTrainersRanges() {
        assertThatThrownBy(() -> TrainingVocabulary.canonical("batchSize", 0)).hasMessage("must be at least 1, got 0");
        assertThatThrownBy(() -> TrainingVocabulary.canonical("batchSize", 1.5))
                .hasMessage("must be an integer, got 1.5");
        assertThatThrownBy(() -> TrainingVocabulary.canonical("momentum", 1.0)).hasMessage("must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> TrainingVocabulary.canonical("optimizer", "lion"))
                .hasMessageStartingWith("unknown optimizer 'lion'");
        assertThatThrownBy(() -> TrainingVocabulary.canonical("whitening", "yes"))
                .hasMessage("must be true or false, got \"yes\"");
        assertThatThrownBy(() -> TrainingVocabulary.canonical("dropout", 0.1))
                .hasMessageStartingWith("unknown training option 'dropout'");
    }

    @Test
    void applyNamesEveryBadOption() {
        assertThatThrownBy(() -> TrainingVocabulary.apply(TrainingOptions.defaults(),
                Map.of("flip", 1, "dropout", 0.5)))
                .hasMessageContaining("flip: must be true or false, got 1")
                .hasMessageContaining("unknown training option 'dropout'");
    }
}
