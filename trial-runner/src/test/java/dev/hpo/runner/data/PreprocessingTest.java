package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.hpo.arch.InputShape;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    private static final InputShape COLOUR = InputShape.of(3, 1, 2);

    /** Two 2-pixel colour images: red varies, green is constant, blue is the red mirrored. */
    private static NativeImages twoImages(int offset) {
        byte[] pixels = {
            (byte) (offset), (byte) (offset + 51), 102, 102, (byte) 255, 0,
            (byte) (offset + 102), (byte) (offset + 153), 102, 102, 0, (byte) 255};
        return new NativeImages(pixels, new int[] {0, 1}, COLOUR);
    }

    @Test
    void scalesToUnitRangeAndNormalisesEachChannelWithTrainingStatistics() {
        LabeledImages train = Preprocessing.toTarget(twoImages(0), COLOUR);
        LabeledImages validation = Preprocessing.toTarget(twoImages(51), COLOUR);
        assertThat(train.pixels()[1]).isCloseTo(0.2f, within(1e-6f));

        ChannelStatistics statistics = Preprocessing.statistics(train);
        Preprocessing.normalise(train, statistics);
        Preprocessing.normalise(validation, statistics);

        // Red of the training images: 0, 0.2, 0.4, 0.6 -> mean 0.3, std sqrt(0.05).
        assertThat(statistics.mean()[0]).isCloseTo(0.3, within(1e-6));
        assertThat(statistics.std()[0]).isCloseTo(Math.sqrt(0.05), within(1e-6));
        assertThat(train.pixels()[0]).isCloseTo((float) (-0.3 / Math.sqrt(0.05)), within(1e-5f));
        // The validation images are 0.2 brighter in red and keep that offset: their own mean is not subtracted.
        assertThat(validation.pixels()[0] - train.pixels()[0]).isCloseTo((float) (0.2 / Math.sqrt(0.05)),
                within(1e-5f));
        // A constant channel is centred, never divided by zero.
        assertThat(statistics.std()[1]).isEqualTo(1);
        assertThat(train.pixels()[2]).isZero();
        assertThat(train.pixels()).doesNotContain(Float.NaN);
    }

    @Test
    void convertsColourToLumaAndGreyToColour() {
        NativeImages colour = new NativeImages(new byte[] {(byte) 255, 0, 0}, new int[] {0}, InputShape.of(3, 1, 1));
        NativeImages grey = new NativeImages(new byte[] {(byte) 255}, new int[] {0}, InputShape.of(1, 1, 1));

        assertThat(Preprocessing.toTarget(colour, InputShape.of(1, 1, 1)).pixels()[0]).isCloseTo(0.299f, within(1e-6f));
        assertThat(Preprocessing.toTarget(grey, InputShape.of(3, 1, 1)).pixels()).containsExactly(1f, 1f, 1f);
        assertThatThrownBy(() -> Preprocessing.toTarget(grey, InputShape.of(2, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot convert 1-channel images");
    }

    @Test
    void labeledImagesCheckTheirSizesAndCompareByContent() {
        assertThatThrownBy(() -> new LabeledImages(new float[5], new int[] {0}, COLOUR))
                .hasMessageContaining("1 images of 3x1x2 (6 values), got 5");
        assertThatThrownBy(() -> new LabeledImages(new float[6], new int[] {-1}, COLOUR))
                .hasMessageContaining("label of image 0 must be non-negative");
        assertThat(new LabeledImages(new float[6], new int[] {2}, COLOUR))
                .isEqualTo(new LabeledImages(new float[6], new int[] {2}, COLOUR))
                .isNotEqualTo(new LabeledImages(new float[6], new int[] {1}, COLOUR));
    }
}
