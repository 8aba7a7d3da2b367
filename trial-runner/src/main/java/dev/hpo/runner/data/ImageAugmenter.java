package dev.hpo.runner.data;

import dev.hpo.arch.InputShape;
import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to single channels-first images. Crop and flip are one gather through
 * precomputed source columns, so an augmented copy costs no more than a plain one.
 */
final class ImageAugmenter {

    private final Augmentation augmentation;
    private final int channels;
    private final int height;
    private final int width;
    private final int[] sourceColumns;

    /** @throws IllegalArgumentException when the crop padding does not fit the image (reflection needs less) */
    ImageAugmenter(Augmentation augmentation, InputShape shape) {
        this.augmentation = augmentation;
        this.channels = shape.channels();
        this.height = shape.height();
        this.width = shape.width();
        int padding = augmentation.cropPadding();
        if (padding > 0 && (padding >= height || padding >= width)) {
            throw new IllegalArgumentException("cropPadding " + padding + " must be smaller than the image height and "
                    + "width (" + shape + ") for reflection padding");
        }
        this.sourceColumns = new int[width];
    }

    /**
     * Writes an augmented copy of the image at {@code source[sourceOffset]} to {@code target[targetOffset]}, drawing
     * from {@code random} in a fixed order (crop offsets, flip, cutout centre) so a seed fixes the result.
     */
    void apply(float[] source, int sourceOffset, float[] target, int targetOffset, SplittableRandom random) {
        int plane = height * width;
        if (augmentation.cropPadding() == 0 && !augmentation.flip()) {
            System.arraycopy(source, sourceOffset, target, targetOffset, channels * plane);
        } else {
            int padding = augmentation.cropPadding();
            int shiftY = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            int shiftX = padding == 0 ? 0 : random.nextInt(2 * padding + 1) - padding;
            boolean flip = augmentation.flip() && random.nextBoolean();
            for (int x = 0; x < width; x++) {
                int column = flip ? width - 1 - x : x;
                sourceColumns[x] = reflect(column + shiftX, width);
            }
            for (int c = 0; c < channels; c++) {
                int sourcePlane = sourceOffset + c * plane;
                int targetPlane = targetOffset + c * plane;
                for (int y = 0; y < height; y++) {
                    int sourceRow = sourcePlane + reflect(y + shiftY, height) * width;
                    int targetRow = targetPlane + y * width;
                    for (int x = 0; x < width; x++) {
                        target[targetRow + x] = source[sourceRow + sourceColumns[x]];
                    }
                }
            }
        }
        if (augmentation.cutout() > 0) {
            cutout(target, targetOffset, random);
        }
    }

    private void cutout(float[] image, int offset, SplittableRandom random) {
        int size = augmentation.cutout();
        int top = random.nextInt(height) - size / 2;
        int left = random.nextInt(width) - size / 2;
        int fromY = Math.max(0, top);
        int toY = Math.min(height, top + size);
        int fromX = Math.max(0, left);
        int toX = Math.min(width, left + size);
        for (int c = 0; c < channels; c++) {
            for (int y = fromY; y < toY; y++) {
                int row = offset + (c * height + y) * width;
                java.util.Arrays.fill(image, row + fromX, row + Math.max(fromX, toX), 0f);
            }
        }
    }

    /** Mirrors an index that fell off the edge back inside, without repeating the border pixel. */
    static int reflect(int index, int size) {
        if (index < 0) {
            return -index;
        }
        if (index >= size) {
            return 2 * size - 2 - index;
        }
        return index;
    }
}
