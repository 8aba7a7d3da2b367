package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpo.arch.InputShape;
import org.junit.jupiter.api.Test;

class LabeledImagesTest {

    private static final InputShape SHAPE = InputShape.of(1, 8, 8);

    @Test
    void interleavingPutsTheClassesRoundRobinAndKeepsEachImageWithItsLabel() {
        // Image i is filled with the value i; classes arrive in blocks of unequal size.
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        float[] pixels = new float[labels.length * 64];
        for (int i = 0; i < labels.length; i++) {
            java.util.Arrays.fill(pixels, i * 64, (i + 1) * 64, i);
        }

        LabeledImages interleaved = new LabeledImages(pixels, labels, SHAPE).interleavedByClass();

        assertThat(interleaved.labels()).containsExactly(0, 1, 2, 0, 1, 2, 0, 2, 2);
        float[] firstPixels = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            firstPixels[i] = interleaved.pixels()[i * 64];
        }
        assertThat(firstPixels).containsExactly(0, 3, 5, 1, 4, 6, 2, 7, 8);
    }
}
