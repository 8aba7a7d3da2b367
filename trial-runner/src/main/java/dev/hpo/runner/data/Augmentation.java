package dev.hpo.runner.data;

/**
 * Which random augmentations a {@link BatchStream} applies to training images, each switchable on its own.
 *
 * <ul>
 *   <li>Random crop: the image is padded by {@code cropPadding} pixels on every side by <em>reflection</em> (the
 *       border pixel is not repeated, as PyTorch's {@code reflect} mode), then a window of the original size is
 *       cut at a uniformly random offset. Reflection keeps the padding looking like image content, which zero
 *       padding would not after normalisation. The padding must be smaller than the image's height and width.
 *   <li>Horizontal flip with probability one half.
 *   <li>Cutout: a {@code cutout x cutout} square centred on a uniformly random pixel (clipped at the borders) is
 *       set to zero, i.e. to the channel mean after normalisation.
 * </ul>
 *
 * @param cropPadding padding of the random crop in pixels, 0 for no crop
 * @param flip whether to flip half the images horizontally
 * @param cutout side of the cutout square in pixels, 0 for no cutout
 */
public record Augmentation(int cropPadding, boolean flip, int cutout) {

    /** Leaves images untouched. */
    public static final Augmentation NONE = new Augmentation(0, false, 0);

    /** @throws IllegalArgumentException when a size is negative */
    public Augmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("cropPadding must be 0 (off) or positive, got " + cropPadding);
        }
        if (cutout < 0) {
            throw new IllegalArgumentException("cutout must be 0 (off) or positive, got " + cutout);
        }
    }

    public boolean isNone() {
        return cropPadding == 0 && !flip && cutout == 0;
    }
}
