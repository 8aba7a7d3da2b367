package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResizerTest {

    private static float[] resize(float[] source, int channels, int h, int w, int toH, int toW) {
        float[] target = new float[channels * toH * toW];
        new Resizer(h, w, toH, toW).resize(source, 0, target, 0, channels);
        return target;
    }

    @Test
    void sameSizeCopies() {
        float[] source = {1, 2, 3, 4, 5, 6};
        assertThat(resize(source, 1, 2, 3, 2, 3)).containsExactly(source);
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        float[] source = {
            1, 3, 10, 20,
            5, 7, 30, 40,
            0, 0, 8, 8,
            4, 4, 8, 0};
        assertThat(resize(source, 1, 4, 4, 2, 2)).containsExactly(4, 25, 2, 6);
    }

    @Test
    void shrinkingByAFractionWeighsPartlyCoveredPixels() {
        // 3 -> 2: each output covers 1.5 source pixels.
        float[] out = resize(new float[] {0, 3, 6}, 1, 1, 3, 1, 2);
        assertThat(out[0]).isCloseTo((0 + 0.5f * 3) / 1.5f, within(1e-5f));
        assertThat(out[1]).isCloseTo((0.5f * 3 + 6) / 1.5f, within(1e-5f));
    }

    @Test
    void growingInterpolatesBetweenPixelCentres() {
        // 2 -> 4 with half-pixel centres: positions -0.25 (clamped), 0.25, 0.75, 1.25 (clamped).
        float[] out = resize(new float[] {0, 4}, 1, 1, 2, 1, 4);
        assertThat(out).containsExactly(new float[] {0, 1, 3, 4}, within(1e-6f));
    }

    @Test
    void keepsConstantImagesConstantAndChannelsApart() {
        float[] source = new float[2 * 28 * 28];
        java.util.Arrays.fill(source, 0, 28 * 28, 0.25f);
        java.util.Arrays.fill(source, 28 * 28, source.length, 0.75f);
        for (int[] size : new int[][] {{14, 14}, {42, 42}, {17, 40}}) {
            float[] out = resize(source, 2, 28, 28, size[0], size[1]);
            int plane = size[0] * size[1];
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isCloseTo(i < plane ? 0.25f : 0.75f, within(1e-5f));
            }
        }
    }
}
