package dev.hpo.runner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpo.arch.InputShape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {

    private static final InputShape SHAPE = InputShape.of(2, 6, 5);
    private static final int VOLUME = 2 * 6 * 5;

    /** Distinct, non-zero values, so any moved or zeroed pixel shows. */
    private static float[] image() {
        float[] image = new float[VOLUME];
        for (int i = 0; i < VOLUME; i++) {
            image[i] = i + 1;
        }
        return image;
    }

    private static float[] apply(Augmentation augmentation, float[] image, SplittableRandom random) {
        float[] out = new float[VOLUME];
        new ImageAugmenter(augmentation, SHAPE).apply(image, 0, out, 0, random);
        return out;
    }

    /** The image moved by (dy, dx) with reflected borders, and mirrored when asked. */
    private static float[] expected(float[] image, int dy, int dx, boolean flip) {
        float[] out = new float[VOLUME];
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 5; x++) {
                    int column = flip ? 4 - x : x;
                    int sy = ImageAugmenter.reflect(y + dy, 6);
                    int sx = ImageAugmenter.reflect(column + dx, 5);
                    out[(c * 6 + y) * 5 + x] = image[(c * 6 + sy) * 5 + sx];
                }
            }
        }
        return out;
    }

    @Test
    void offLeavesTheImageUntouched() {
        float[] image = image();
        assertThat(apply(Augmentation.NONE, image, new SplittableRandom(1))).isEqualTo(image);
    }

    @Test
    void reflectMirrorsWithoutRepeatingTheBorder() {
        assertThat(ImageAugmenter.reflect(-1, 5)).isEqualTo(1);
        assertThat(ImageAugmenter.reflect(-2, 5)).isEqualTo(2);
        assertThat(ImageAugmenter.reflect(5, 5)).isEqualTo(3);
        assertThat(ImageAugmenter.reflect(6, 5)).isEqualTo(2);
        assertThat(ImageAugmenter.reflect(3, 5)).isEqualTo(3);
    }

    @Test
    void cropIsAReflectPaddedWindowAndCoversEveryOffset() {
        float[] image = image();
        SplittableRandom random = new SplittableRandom(5);
        boolean[][] seen = new boolean[5][5];
        for (int draw = 0; draw < 400; draw++) {
            float[] out = apply(new Augmentation(2, false, 0), image, random);
            boolean matched = false;
            for (int dy = -2; dy <= 2 && !matched; dy++) {
                for (int dx = -2; dx <= 2 && !matched; dx++) {
                    if (java.util.Arrays.equals(out, expected(image, dy, dx, false))) {
                        seen[dy + 2][dx + 2] = true;
                        matched = true;
                    }
                }
            }
            assertThat(matched).as("draw %d is a shifted window", draw).isTrue();
        }
        for (boolean[] row : seen) {
            assertThat(row).containsOnly(true);
        }
    }

    @Test
    void flipMirrorsAboutHalfTheImages() {
        float[] image = image();
        float[] mirrored = expected(image, 0, 0, true);
        SplittableRandom random = new SplittableRandom(9);
        int flipped = 0;
        for (int draw = 0; draw < 1000; draw++) {
            float[] out = apply(new Augmentation(0, true, 0), image, random);
            if (java.util.Arrays.equals(out, mirrored)) {
                flipped++;
            } else {
                assertThat(out).isEqualTo(image);
            }
        }
        assertThat(flipped).isBetween(430, 570);
    }

    @Test
    void cutoutZeroesAtMostOneSquarePerChannelAndKeepsTheRest() {
        float[] image = image();
        SplittableRandom random = new SplittableRandom(3);
        int total = 0;
        for (int draw = 0; draw < 200; draw++) {
            float[] out = apply(new Augmentation(0, false, 3), image, random);
            int zeros = 0;
            for (int i = 0; i < VOLUME; i++) {
                if (out[i] == 0f) {
                    zeros++;
                    // The same pixel of the other channel is cut too.
                    assertThat(out[(i + VOLUME / 2) % VOLUME]).isZero();
                } else {
                    assertThat(out[i]).isEqualTo(image[i]);
                }
            }
            assertThat(zeros).isBetween(2, 2 * 9);
            total += zeros;
        }
        assertThat(total).isGreaterThan(200 * 2 * 4);
    }

    @Test
    void sameSeedSameAugmentation() {
        Augmentation all = new Augmentation(2, true, 2);
        float[] image = image();
        SplittableRandom first = new SplittableRandom(11);
        SplittableRandom second = new SplittableRandom(11);
        for (int draw = 0; draw < 20; draw++) {
            assertThat(apply(all, image, second)).isEqualTo(apply(all, image, first));
        }
    }

    @Test
    void rejectsPaddingThatReflectionCannotFill() {
        assertThatThrownBy(() -> new ImageAugmenter(new Augmentation(5, false, 0), SHAPE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cropPadding 5");
        assertThatThrownBy(() -> new Augmentation(-1, false, 0)).hasMessageContaining("cropPadding");
        assertThatThrownBy(() -> new Augmentation(0, false, -2)).hasMessageContaining("cutout");
    }
}
